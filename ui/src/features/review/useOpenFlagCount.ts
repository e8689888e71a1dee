import { useCallback, useEffect, useState } from "react";
import { api } from "../../ipc/api";

/** The number of open medium and high flags, for the badge on the Review navigation item.
 * `refresh` recounts (after an import or a dismissal); a failed count shows no badge. */
export function useOpenFlagCount(): [number, () => void] {
  const [count, setCount] = useState(0);
  const refresh = useCallback(() => {
    api.openFlagCount().then(setCount, () => setCount(0));
  }, []);
  useEffect(refresh, [refresh]);
  return [count, refresh];
}
