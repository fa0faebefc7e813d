import type { cardKeys, identityKeys, sshKeyKeys } from "../../../lib/ciphers/cipher-types";

export const cardLabels: Record<(typeof cardKeys)[number], string> = {
  cardholderName: "Cardholder name", brand: "Brand", number: "Number", expMonth: "Expiration month",
  expYear: "Expiration year", code: "Security code",
};

export const identityLabels: Record<(typeof identityKeys)[number], string> = {
  title: "Title", firstName: "First name", middleName: "Middle name", lastName: "Last name", address1: "Address 1",
  address2: "Address 2", address3: "Address 3", city: "City / Town", state: "State / Province", postalCode: "Zip / Postal code",
  country: "Country", company: "Company", email: "Email", phone: "Phone", ssn: "Social Security number",
  username: "Username", passportNumber: "Passport number", licenseNumber: "License number",
};

export const sshKeyLabels: Record<(typeof sshKeyKeys)[number], string> = {
  privateKey: "Private key", publicKey: "Public key", keyFingerprint: "Fingerprint",
};
