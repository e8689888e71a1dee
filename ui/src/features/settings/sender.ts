// The sender of letters as the backend's `sender` / `set_sender` commands carry it (name,
// multi-line postal address, contact).
import type { Sender } from "../../ipc/api";

export type { Sender };

export const emptySender: Sender = {
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
