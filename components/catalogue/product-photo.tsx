import { OcopMark } from "@/components/ocop/ocop-mark";

/**
 * A product photo from /api/media, or a neat placeholder of the same size when there is none, so
 * cards line up. Decorative by default: the product's name is next to it.
 */
export function ProductPhoto({ photoId, name, alt = "", width = 400, height = 300, eager = false, className = "" }: {
  photoId: string | null;
  name: string;
  alt?: string;
  width?: number;
  height?: number;
  eager?: boolean;
  className?: string;
}) {
  if (photoId) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- a stored upload served by /api/media; width and height reserve its box
      <img
        src={`/api/media/${photoId}`}
        alt={alt}
        width={width}
        height={height}
        loading={eager ? "eager" : "lazy"}
        // The one photo a page opens on is its largest paint: fetch it before the scripts.
        fetchPriority={eager ? "high" : undefined}
        decoding="async"
        className={`aspect-[4/3] h-auto w-full bg-stone-100 object-cover ${className}`}
      />
    );
  }
  return (
    <div aria-hidden="true" className={`flex aspect-[4/3] w-full flex-col items-center justify-center gap-2 bg-gradient-to-br from-brand-50 to-amber-50 text-brand-800 ${className}`}>
      <OcopMark size={44} />
      <span className="line-clamp-2 px-4 text-center text-sm font-semibold">{name}</span>
    </div>
  );
}
