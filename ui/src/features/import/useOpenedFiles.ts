import { useCallback, useEffect, useState } from "react";
import { api, onFilesOpened } from "../../ipc/api";

/** A batch of files the app was asked to open, not yet shown in the import preview. */
export type OpenedFiles = { paths: string[] };

/**
 * Files opened with the app: at start-up (the command line, the file manager's Open with) and
 * whenever a second launch hands its files to this one. The backend has already marked them as
 * chosen; `onOpened` is called for each new batch (the app shows the import screen), and the
 * import screen calls `done` once it has taken the batch.
 */
export function useOpenedFiles(onOpened: () => void): { opened: OpenedFiles | null; done: () => void } {
  const [opened, setOpened] = useState<OpenedFiles | null>(null);
  useEffect(() => {
    // Taking empties the backend's list, so an answer is never dropped (even after unmounting).
    const take = () =>
      api.takeOpenedFiles().then(
        (paths) => {
          if (paths.length === 0) return;
          // A batch not yet shown is kept: the new files join it.
          setOpened((o) => ({ paths: [...(o?.paths ?? []), ...paths] }));
          onOpened();
        },
        () => undefined,
      );
    // Listen first, then ask: files that arrive in between are either in the answer or announced.
    const unlisten = onFilesOpened(() => void take());
    void unlisten.then(take, take);
    return () => {
      void unlisten.then((f) => f()).catch(() => undefined);
    };
  }, [onOpened]);
  const done = useCallback(() => setOpened(null), []);
  return { opened, done };
}
