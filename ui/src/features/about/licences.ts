/** One bundled component written by others. */
export type ThirdParty = { name: string; version: string; license: string; source: string; files?: string[] };

/** ui/src/generated/third-party-licenses.json, written by scripts/third-party-licenses.mjs. */
export type Licences = {
  note: string;
  app: { name: string; version: string; license: string };
  crates: ThirdParty[];
  npm: ThirdParty[];
  fonts: ThirdParty[];
  texts: Record<string, string>;
};

// The list is generated when the UI is built (`npm run build`); a glob finds it when it is
// there and finds nothing otherwise (a development checkout that has not built the UI), and
// loading it lazily keeps its 90 KB out of the first screen's bundle.
const generated = import.meta.glob<Licences>("../../generated/third-party-licenses.json", { import: "default" });

/** Whether this build has the generated list. */
export function hasGeneratedLicences(): boolean {
  return Object.keys(generated).length > 0;
}

/** The generated list, or null when this build has none. */
export function loadLicences(): Promise<Licences | null> {
  const load = Object.values(generated)[0];
  return load ? load() : Promise.resolve(null);
}
