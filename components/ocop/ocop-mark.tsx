/** The portal's mark: a five-pointed star in a circle (decorative; the name is next to it). */
export function OcopMark({ size = 36 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 40 40" aria-hidden="true" focusable="false">
      <circle cx="20" cy="20" r="19" fill="#1f7a3a" />
      <path fill="#f6c343" d="M20 7l3.5 8.6 9.3.7-7.1 6 2.2 9.1L20 26.5l-7.9 4.9 2.2-9.1-7.1-6 9.3-.7z" />
    </svg>
  );
}
