"use client";

import dynamic from "next/dynamic";
import type { DashboardBarChartProps } from "./bar-chart";

// recharts measures the box it draws in, so it draws in the browser only; the page's tables carry
// the same numbers for anyone without JavaScript. Loaded after the page, as its own chunk.
const Chart = dynamic(() => import("./bar-chart"), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse rounded-md bg-stone-100" />,
});

export function LazyBarChart(props: DashboardBarChartProps) {
  return (
    <div style={{ minHeight: props.height ?? 280 }}>
      <Chart {...props} />
    </div>
  );
}
