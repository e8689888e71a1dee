import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, type AppError } from "../../ipc/api";
import { ErrorPanel } from "../../components/ErrorPanel";
import { emptyProfile, type UserProfile } from "./profile";
import { ParticularsFields, type Particulars } from "./ParticularsFields";

/** The sender block of every letter: name, postal address and contact. */
export function ProfileForm() {
  const { t } = useTranslation();
  const [profile, setProfile] = useState<UserProfile>(emptyProfile);
  const [loaded, setLoaded] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    api.profile().then(
      (p) => {
        setProfile({ ...emptyProfile, ...p });
        setLoaded(true);
      },
      (e: AppError) => setError(e),
    );
  }, []);

  const edit = (field: keyof UserProfile, value: string) => change({ [field]: value });
  const change = (c: Partial<UserProfile> | Partial<Particulars>) => {
    setProfile((p) => ({ ...p, ...c }));
    setDirty(true);
    setSaved(false);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.setProfile(profile);
      setDirty(false);
      setSaved(true);
    } catch (err) {
      setError(err as AppError);
    }
  };

  return (
    <form className="card settings-card" onSubmit={save} data-testid="settings-profile">
      <h2>{t("settings.profile")}</h2>
      <p className="muted hint">{t("settings.profileHint")}</p>
      <div className="settings-grid">
        <label htmlFor="profile-name">{t("settings.name")}</label>
        <input id="profile-name" value={profile.name} onChange={(e) => edit("name", e.target.value)} autoComplete="name" />
        <label htmlFor="profile-address">{t("settings.address")}</label>
        <textarea
          id="profile-address"
          rows={3}
          value={profile.address}
          onChange={(e) => edit("address", e.target.value)}
          autoComplete="street-address"
        />
        <label htmlFor="profile-email">{t("settings.email")}</label>
        <input id="profile-email" type="email" value={profile.email} onChange={(e) => edit("email", e.target.value)} autoComplete="email" />
        <label htmlFor="profile-phone">{t("settings.phone")}</label>
        <input id="profile-phone" type="tel" value={profile.phone} onChange={(e) => edit("phone", e.target.value)} autoComplete="tel" />
      </div>
      <ParticularsFields value={profile} onChange={change} />
      <div className="actions">
        <button type="submit" className="primary" disabled={!loaded || !dirty} data-testid="profile-save">
          {t("settings.saveProfile")}
        </button>
        {saved && (
          <span className="notice" role="status">
            {t("settings.saved")}
          </span>
        )}
      </div>
      {error && <ErrorPanel error={error} title={t("settings.profileFailed")} onClose={() => setError(null)} />}
    </form>
  );
}
