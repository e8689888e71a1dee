import { afterEach } from "vitest";
import { cleanup, configure } from "@testing-library/react";
import { clearMocks } from "@tauri-apps/api/mocks";

afterEach(() => {
  cleanup();
  clearMocks();
});

// CI shares two cores with the Rust build: give asynchronous UI updates time to land.
configure({ asyncUtilTimeout: 5000 });
