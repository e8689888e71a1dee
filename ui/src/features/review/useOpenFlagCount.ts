import { useCallback } from "react";
import { api } from "../../ipc/api";
import { useLoad } from "../../components/useLoad";

/** The number of open medium and high flags, for the badge on the Review navigation item.
 * `refresh` recounts (after an import or a dismissal; the latest count wins when several are
 * asked for in quick succession); a failed count shows no badge. */
export function useOpenFlagCount(): [number, () => void] {
  const { data: count, error, reload } = useLoad(() => api.openFlagCount(), [], 0);
  const refresh = useCallback(() => void reload(), [reload]);
  return [error ? 0 : count, refresh];
}
