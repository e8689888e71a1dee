// The user's profile as the backend's `profile` / `set_profile` commands carry it (name,
// multi-line postal address, contact).
import type { UserProfile } from "../../ipc/api";

export type { UserProfile };

export const emptyProfile: UserProfile = {
  name: "",
  address: "",
  email: "",
  phone: "",
  gender: null,
  birth_date: "",
  ethnicity: "",
  id_number: "",
  occupation: "",
};
