// The user's profile as the backend's `get_profile` / `set_profile` commands carry it (name,
// multi-line postal address, contact). Declared here until it is part of the generated bindings.
export type UserProfile = { name: string; address: string; email: string; phone: string };

export const emptyProfile: UserProfile = { name: "", address: "", email: "", phone: "" };
