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
import viAnnualPlans from "./vi/annual-plans.json";
import enAnnualPlans from "./en/annual-plans.json";
import viMonitoring from "./vi/monitoring.json";
import enMonitoring from "./en/monitoring.json";
import viReports from "./vi/reports.json";
import enReports from "./en/reports.json";
import viJobs from "./vi/jobs.json";
import enJobs from "./en/jobs.json";

export const CATALOGUE_FILES = {
  vi: { base: viBase, dossiers: viDossiers, council: viCouncil, certificates: viCertificates, catalogue: viCatalogue, trade: viTrade, communication: viCommunication, events: viEvents, dashboard: viDashboard, annualPlans: viAnnualPlans, monitoring: viMonitoring, reports: viReports, jobs: viJobs },
  en: { base: enBase, dossiers: enDossiers, council: enCouncil, certificates: enCertificates, catalogue: enCatalogue, trade: enTrade, communication: enCommunication, events: enEvents, dashboard: enDashboard, annualPlans: enAnnualPlans, monitoring: enMonitoring, reports: enReports, jobs: enJobs },
} as const;

export const MESSAGES = {
  vi: { ...viBase, ...viDossiers, ...viCouncil, ...viCertificates, ...viCatalogue, ...viTrade, ...viCommunication, ...viEvents, ...viDashboard, ...viAnnualPlans, ...viMonitoring, ...viReports, ...viJobs },
  en: { ...enBase, ...enDossiers, ...enCouncil, ...enCertificates, ...enCatalogue, ...enTrade, ...enCommunication, ...enEvents, ...enDashboard, ...enAnnualPlans, ...enMonitoring, ...enReports, ...enJobs },
} as const;
