/** Who a registrant is for the list of certificates: their producer, or their role and ward. */
export function organisationOf(
  r: { producer: { name: string } | null; user: { role: string; ward: { name: string } | null } },
  roleName: (role: string) => string,
): string {
  if (r.producer) return r.producer.name;
  return r.user.ward ? `${roleName(r.user.role)}, ${r.user.ward.name}` : roleName(r.user.role);
}
