// The catalogue with 100,000 products: the exact SQL the public pages run must be served by
// indexes (the trigram index for words, a b-tree for the listing), never a scan of every product.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { catalogueSql, type CatalogueQuery } from "@/lib/db/catalogue";
import { listedAggregatesSql } from "@/lib/db/dashboard";
import { searchTerms } from "@/lib/domain/catalogue";
import { vietnamDateOf } from "@/lib/domain/dates";
import { db, makeWorld } from "./world";

const today = vietnamDateOf(new Date());
const N = 100_000;

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

async function explain(sql: Prisma.Sql): Promise<PlanNode[]> {
  const rows = await db.$queryRaw<{ "QUERY PLAN": [{ Plan: PlanNode }] }[]>(Prisma.sql`EXPLAIN (FORMAT JSON) ${sql}`);
  return nodes(rows[0]!["QUERY PLAN"][0].Plan);
}

const seqScansOfProduct = (plan: PlanNode[]) => plan.filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "Product");
const indexesUsed = (plan: PlanNode[]) => plan.map((n) => n["Index Name"]).filter((n): n is string => !!n);

let wardA: string;

beforeAll(async () => {
  const w = await makeWorld();
  wardA = w.wardA;
  // Product rows straight in SQL (the catalogue reads only Product's own columns; the trigger
  // that fills them sits on Certificate). Three in ten are expired or revoked, as an old
  // programme's catalogue would be; a hundred are "Miến dong".
  await db.$executeRaw`
    INSERT INTO "Product" (id, slug, "producerId", name, "criteriaSetNo", "searchText", star, "certificateStatus", "certificateIssuedOn", "certificateExpiresOn", "updatedAt")
    SELECT 'bench-' || g, 'bench-' || g, ${w.producerA.id}, name, 1 + g % 26, lower(name) || ' htx benchmark phuong duc xuan',
           3 + g % 3,
           (CASE WHEN g % 10 = 0 THEN 'REVOKED' WHEN g % 10 = 1 THEN 'EXPIRED' ELSE 'ACTIVE' END)::"CertificateStatus",
           expires - interval '36 months', expires, now()
      FROM generate_series(1, ${N}::int) g,
           LATERAL (SELECT (CASE WHEN g % 1000 = 7 THEN 'Mien dong Kyxuat ' ELSE 'San pham ' || md5(g::text) || ' ' END) || g AS name,
                           ${today}::date + ((g % 1500) - 300) AS expires) x`;
  // As autovacuum would have by then: statistics, and the visibility map index-only scans need.
  await db.$executeRawUnsafe(`VACUUM ANALYZE "Product"`);
}, 120_000);

afterAll(async () => {
  await db.$executeRaw`DELETE FROM "Product" WHERE id LIKE 'bench-%'`;
});

describe("catalogue query plans with 100,000 products", () => {
  const query = (q: Partial<CatalogueQuery>): CatalogueQuery => ({ terms: [], sort: "newest", page: 1, ...q });

  it("a word search uses the trigram index", async () => {
    const sql = catalogueSql(query({ terms: searchTerms("miến dong kyxuat") }), today);
    for (const part of [sql.page, sql.count]) {
      const plan = await explain(part);
      expect(seqScansOfProduct(plan)).toEqual([]);
      expect(indexesUsed(plan)).toContain("Product_searchText_trgm_idx");
    }
    const found = await db.$queryRaw<{ n: number }[]>(sql.count);
    // Rows g % 1000 = 7 are all ACTIVE (g % 10 = 7); those whose expiry offset is negative are out.
    let expected = 0;
    for (let g = 7; g <= N; g += 1000) if (g % 1500 >= 300) expected++;
    expect(found[0]!.n).toBe(expected);
  });

  it("the default listing page reads an index, not every product", async () => {
    const plan = await explain(catalogueSql(query({}), today).page);
    expect(seqScansOfProduct(plan)).toEqual([]);
    expect(indexesUsed(plan)).toContain("Product_certificateStatus_certificateIssuedOn_idx");
  });

  it("the count of the whole listing and a star filter's count read indexes", async () => {
    const all = await explain(catalogueSql(query({}), today).count);
    expect(seqScansOfProduct(all)).toEqual([]);
    expect(indexesUsed(all)).toContain("Product_certificateStatus_certificateExpiresOn_producerId_s_idx");
    const starred = await explain(catalogueSql(query({ star: 5 }), today).count);
    expect(seqScansOfProduct(starred)).toEqual([]);
    expect(indexesUsed(starred).some((i) => i.startsWith("Product_certificateStatus_"))).toBe(true);
  });

  it("the name order reads its index", async () => {
    const plan = await explain(catalogueSql(query({ sort: "name" }), today).page);
    expect(seqScansOfProduct(plan)).toEqual([]);
    expect(indexesUsed(plan)).toContain("Product_certificateStatus_searchText_idx");
  });

  it("the most-stars order and a page further on read indexes too", async () => {
    for (const q of [query({ sort: "stars" }), query({ sort: "stars", star: 4 }), query({ page: 40 })]) {
      const plan = await explain(catalogueSql(q, today).page);
      expect(seqScansOfProduct(plan), JSON.stringify(q)).toEqual([]);
    }
  });
});

describe("the dashboard's listed-product aggregates with 100,000 products", () => {
  it("read the listing index, never a scan of every product row, for the whole city and for a ward", async () => {
    for (const scope of [{ wardId: null, provinceCode: null }, { wardId: wardA, provinceCode: null }]) {
      const plan = await explain(listedAggregatesSql(scope, today));
      expect(seqScansOfProduct(plan), JSON.stringify(scope)).toEqual([]);
      // Which index the planner takes depends on the shared database's other rows and statistics
      // (the covering index, or producers first through Product_producerId_idx); what must never
      // happen is a pass over every product row.
      expect(indexesUsed(plan).some((i) => i.startsWith("Product_")), JSON.stringify(scope)).toBe(true);
    }
  });
});
