"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ChartSeries = { key: string; label: string; color: string };
export type ChartRow = Record<string, string | number>;

export type DashboardBarChartProps = {
  rows: ChartRow[];
  /** The field of each row that names it (year, ward, stage…). */
  categoryKey: string;
  series: ChartSeries[];
  /** Bars lying down (long names: funnel stages, wards, categories) or standing up (years). */
  layout?: "horizontal" | "vertical";
  stacked?: boolean;
  height?: number;
};

/**
 * One bar chart for every dashboard figure (recharts). It is drawing only: the numbers are in the
 * table beside each chart, so the drawing is hidden from screen readers and never the sole source.
 */
export default function DashboardBarChart({ rows, categoryKey, series, layout = "horizontal", stacked = false, height = 280 }: DashboardBarChartProps) {
  const lying = layout === "vertical";
  return (
    <div aria-hidden="true" className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} layout={layout} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d6d3d1" />
          {lying ? (
            <>
              <XAxis type="number" allowDecimals={false} tick={{ fill: "#44403c", fontSize: 12 }} />
              <YAxis type="category" dataKey={categoryKey} width={120} tick={{ fill: "#292524", fontSize: 12 }} interval={0} />
            </>
          ) : (
            <>
              <XAxis dataKey={categoryKey} tick={{ fill: "#292524", fontSize: 12 }} interval={0} />
              <YAxis allowDecimals={false} width={36} tick={{ fill: "#44403c", fontSize: 12 }} />
            </>
          )}
          <Tooltip cursor={{ fill: "#f5f5f4" }} />
          {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12, color: "#292524" }} /> : null}
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} stackId={stacked ? "all" : undefined} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
