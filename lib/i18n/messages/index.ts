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
import viCatalogue from "./vi/catalogue.json";
import enCatalogue from "./en/catalogue.json";
import viTrade from "./vi/trade.json";
import enTrade from "./en/trade.json";
import viCommunication from "./vi/communication.json";
import enCommunication from "./en/communication.json";
import viEvents from "./vi/events.json";
import enEvents from "./en/events.json";
import viDashboard from "./vi/dashboard.json";
import enDashboard from "./en/dashboard.json";

export const CATALOGUE_FILES = {
  vi: { base: viBase, dossiers: viDossiers, council: viCouncil, certificates: viCertificates, catalogue: viCatalogue, trade: viTrade, communication: viCommunication, events: viEvents, dashboard: viDashboard },
  en: { base: enBase, dossiers: enDossiers, council: enCouncil, certificates: enCertificates, catalogue: enCatalogue, trade: enTrade, communication: enCommunication, events: enEvents, dashboard: enDashboard },
} as const;

export const MESSAGES = {
  vi: { ...viBase, ...viDossiers, ...viCouncil, ...viCertificates, ...viCatalogue, ...viTrade, ...viCommunication, ...viEvents, ...viDashboard },
  en: { ...enBase, ...enDossiers, ...enCouncil, ...enCertificates, ...enCatalogue, ...enTrade, ...enCommunication, ...enEvents, ...enDashboard },
} as const;
