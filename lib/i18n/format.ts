// Display formats of the house (architecture.md §3.8): dd/MM/yyyy dates in Vietnam's time zone,
// money in VND with Vietnamese grouping (1.500.000 ₫).
const TZ = "Asia/Ho_Chi_Minh";

export function formatDate(d: Date | string | null | undefined): string {
  if (!d) return "—";
  const date = typeof d === "string" ? new Date(d) : d;
  return new Intl.DateTimeFormat("vi-VN", { day: "2-digit", month: "2-digit", year: "numeric", timeZone: TZ }).format(date);
}

export function formatDateTime(d: Date | null | undefined): string {
  if (!d) return "—";
  const day = formatDate(d);
  const time = new Intl.DateTimeFormat("vi-VN", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: TZ }).format(d);
  return `${time} ${day}`;
}

export function formatVnd(amount: number | bigint): string {
  return new Intl.NumberFormat("vi-VN", { style: "currency", currency: "VND", maximumFractionDigits: 0 }).format(amount);
}

export function formatScore(score: number): string {
  return new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 }).format(score);
}
