// Public API of the pure OCOP rule core. Nothing here touches a database, Next.js, auth or the file system.
export * from "./dates";
export * from "./criteria";
export * from "./rule-sets";
export * from "./scoring";
export * from "./working-days";
export * from "./holidays-vn";
export * from "./certificates";
export * from "./deadlines";
export * from "./workflow";
export * from "./ideas";
export * from "./similar-names";
