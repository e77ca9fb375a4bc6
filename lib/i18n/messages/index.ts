// The catalogues: a base file per language plus one file per area of the portal, so that work on
// one area does not touch the others' strings. Each top-level namespace lives in exactly one file
// (a unit test checks it); the files are merged here.
import viBase from "./vi.json";
import enBase from "./en.json";
import viDossiers from "./vi/dossiers.json";
import enDossiers from "./en/dossiers.json";
import viCouncil from "./vi/council.json";
import enCouncil from "./en/council.json";
import viCertificates from "./vi/certificates.json";
import enCertificates from "./en/certificates.json";

export const CATALOGUE_FILES = {
  vi: { base: viBase, dossiers: viDossiers, council: viCouncil, certificates: viCertificates },
  en: { base: enBase, dossiers: enDossiers, council: enCouncil, certificates: enCertificates },
} as const;

export const MESSAGES = {
  vi: { ...viBase, ...viDossiers, ...viCouncil, ...viCertificates },
  en: { ...enBase, ...enDossiers, ...enCouncil, ...enCertificates },
} as const;
