import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type DataLocation } from "../../ipc/api";
import { ErrorPanel } from "../../components/ErrorPanel";
import { useLoad } from "../../components/useLoad";
import { formatNumber } from "../../i18n/format";
import icon from "../../../../src-tauri/icons/128x128.png";
import { loadLicences, type Licences, type ThirdParty } from "./licences";

/** About: the version, the licence, where the data lives, and everything bundled that others wrote. */
export function AboutScreen({ load = loadLicences }: { load?: () => Promise<Licences | null> }) {
  const { t } = useTranslation();
  const versionLoad = useLoad(() => api.appVersion(), [], null as string | null);
  const locationLoad = useLoad(() => api.dataLocation(), [], null as DataLocation | null);
  const version = versionLoad.data;
  const location = locationLoad.data;
  const error = versionLoad.error ?? locationLoad.error;
  // undefined: still loading; null: this build has no generated list (a file of the build, not
  // the backend's: its absence is said on the screen, not as an error).
  const [licences, setLicences] = useState<Licences | null | undefined>(undefined);

  useEffect(() => {
    load().then(setLicences, () => setLicences(null));
  }, [load]);

  return (
    <section className="screen about" aria-labelledby="about-title" data-testid="about-screen">
      <header className="screen-header about-header">
        <img src={icon} alt="" width={64} height={64} />
        <div>
          <h1 id="about-title">{t("about.title")}</h1>
          <p className="muted">{t("app.tagline")}</p>
        </div>
      </header>
      {error && (
        <ErrorPanel
          error={error}
          onClose={() => {
            versionLoad.clearError();
            locationLoad.clearError();
          }}
        />
      )}
      <dl className="about-facts">
        <dt>{t("about.version")}</dt>
        <dd data-testid="about-version">{version ?? "…"}</dd>
        <dt>{t("about.licence")}</dt>
        <dd data-testid="about-licence">{licences ? licences.app.license : "—"}</dd>
        <dt>{t("about.dataFolder")}</dt>
        <dd>
          <code data-testid="about-data-folder">{location?.data_dir ?? "…"}</code>
        </dd>
        {location?.db_path && (
          <>
            <dt>{t("about.database")}</dt>
            <dd>
              <code>{location.db_path}</code>
            </dd>
          </>
        )}
      </dl>

      <h2>{t("about.thirdParty")}</h2>
      {licences === undefined && <p className="muted">…</p>}
      {licences === null && (
        <p className="notice" data-testid="about-no-licences">
          {t("about.notGenerated")}
        </p>
      )}
      {licences && (
        <>
          <p className="intro">
            {t("about.thirdPartyIntro", {
              crates: formatNumber(licences.crates.length),
              npm: formatNumber(licences.npm.length),
              fonts: formatNumber(licences.fonts.length),
            })}
          </p>
          <LicenceTable title={t("about.fonts")} items={licences.fonts} testId="about-fonts" open />
          <details className="card">
            <summary>{t("about.oflText")}</summary>
            <pre className="licence-text">{licences.texts["OFL-1.1"]}</pre>
          </details>
          <LicenceTable title={t("about.crates")} items={licences.crates} testId="about-crates" />
          <LicenceTable title={t("about.npm")} items={licences.npm} testId="about-npm" />
        </>
      )}
    </section>
  );
}

function LicenceTable({ title, items, testId, open = false }: { title: string; items: ThirdParty[]; testId: string; open?: boolean }) {
  const { t } = useTranslation();
  return (
    <details className="card" data-testid={testId} open={open}>
      <summary>
        {title} ({formatNumber(items.length)})
      </summary>
      <table className="simple-table">
        <thead>
          <tr>
            <th>{t("about.name")}</th>
            <th>{t("about.versionColumn")}</th>
            <th>{t("about.licenceColumn")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((x) => (
            <tr key={`${x.name}@${x.version}`}>
              <td title={x.source}>{x.name}</td>
              <td>{x.version}</td>
              <td>{x.license}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
