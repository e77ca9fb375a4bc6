// "Everything users type is shown escaped" (issue 8, part 2): hostile text stored in fields the
// pages show (a producer's name and address, an idea's product name and description, a news
// article's title, summary and body, an inspection's findings and follow-up note), then the pages
// rendered to static markup as the people who read them. The markup must carry the text as text:
// the escaped form present, the raw tags nowhere. Client components render too (their hooks get
// the catalogue and a router stub), so a form's default values are checked as well.
import { cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { actAs } from "./act-as";
import * as fx from "./authz-fixtures";
import type { MatrixWorld } from "./authz-fixtures";
import { db } from "./world";

vi.mock("next-intl/server", async () => {
  const { createFormatter, createTranslator } = await import("use-intl/core");
  const { MESSAGES } = await import("@/lib/i18n/messages");
  return {
    getFormatter: async () => createFormatter({ locale: "vi", timeZone: "Asia/Ho_Chi_Minh" }),
    getTranslations: async (namespace?: string) => createTranslator({ locale: "vi", timeZone: "Asia/Ho_Chi_Minh", messages: MESSAGES.vi as never, namespace: namespace as never }),
    getLocale: async () => "vi",
  };
});
vi.mock("next-intl", async () => {
  const { createFormatter, createTranslator } = await import("use-intl/core");
  const { MESSAGES } = await import("@/lib/i18n/messages");
  return {
    useFormatter: () => createFormatter({ locale: "vi", timeZone: "Asia/Ho_Chi_Minh" }),
    useTranslations: (namespace?: string) => createTranslator({ locale: "vi", timeZone: "Asia/Ho_Chi_Minh", messages: MESSAGES.vi as never, namespace: namespace as never }),
    useLocale: () => "vi",
  };
});
vi.mock("next/navigation", () => ({
  notFound: () => {
    throw new Error("NEXT_NOT_FOUND");
  },
  redirect: (to: string) => {
    throw new Error(`NEXT_REDIRECT ${to}`);
  },
  useRouter: () => ({ push: () => undefined, replace: () => undefined, refresh: () => undefined, back: () => undefined }),
  usePathname: () => "/",
  useSearchParams: () => new URLSearchParams(),
}));

// Each carries a tag no page writes by itself; the marker finds the field's text in the page.
const SCRIPT = "<script>alert(1)</script>";
const IMG = `<img src=x onerror=alert(document.cookie)>`;
const ATTR = `" autofocus onfocus="alert(1)`;
const hostile = (label: string) => `${label} ${SCRIPT} ${IMG} ${ATTR}`;
const ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;";

/** The raw forms that would run; none may appear in a page. */
function rawTags(html: string): string[] {
  return [/<script>alert\(1\)/i, /<img src=x onerror/i, /"\s*autofocus onfocus="alert/i].filter((re) => re.test(html)).map(String);
}

/** Server components may be async; renderToStaticMarkup renders only sync ones, so they are awaited first. */
async function resolveTree(node: unknown): Promise<unknown> {
  if (Array.isArray(node)) return Promise.all(node.map(resolveTree));
  if (!isValidElement(node)) return node;
  const el = node as ReactElement<Record<string, unknown>>;
  if (typeof el.type === "function" && el.type.constructor.name === "AsyncFunction") return resolveTree(await (el.type as (p: object) => Promise<unknown>)(el.props));
  const { children, ...rest } = el.props ?? {};
  const props: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) props[k] = await resolveTree(v);
  if (Array.isArray(children)) return cloneElement(el, props, ...((await resolveTree(children)) as ReactNode[]));
  return cloneElement(el, children === undefined ? props : { ...props, children: await resolveTree(children) });
}

async function render(actor: Actor | null, page: Promise<{ default: (props: never) => Promise<unknown> }>, props: Record<string, unknown>): Promise<string> {
  actAs(actor);
  try {
    const { default: Page } = await page;
    return renderToStaticMarkup((await resolveTree(await Page(props as never))) as ReactElement);
  } finally {
    actAs(null);
  }
}

const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p), searchParams: Promise.resolve({}) });

let mw: MatrixWorld;

beforeAll(async () => {
  mw = await makeWorldWithHostileProducer();
}, 120_000);

async function makeWorldWithHostileProducer() {
  const world = await fx.makeMatrixWorld();
  await db.producer.update({ where: { id: world.producerA.id }, data: { name: hostile(`HTX ${world.tag}`), address: hostile("Thôn Nà Cà") } });
  return world;
}

describe("typed text is shown escaped", () => {
  it("a producer's name and address: the producer's page (its form included) and the ward's list", async () => {
    const detail = await render(mw.wardOfficerA, import("@/app/(portal)/producers/[id]/page"), params({ id: mw.producerA.id }));
    const own = await render(mw.producerUserA, import("@/app/(portal)/producers/[id]/page"), params({ id: mw.producerA.id }));
    const list = await render(mw.wardOfficerA, import("@/app/(portal)/producers/page"), { searchParams: Promise.resolve({ q: mw.tag }) });
    for (const html of [detail, own, list]) {
      expect(html).toContain(ESCAPED_SCRIPT);
      expect(rawTags(html)).toEqual([]);
    }
  });

  it("an idea's product name and description on its page", async () => {
    const idea = await fx.idea(mw, "in", "SUBMITTED");
    await db.productIdea.update({ where: { id: idea.id }, data: { productName: hostile("Miến dong"), description: hostile("Mô tả") } });
    for (const actor of [mw.producerUserA, mw.wardOfficerA]) {
      const html = await render(actor, import("@/app/(portal)/ideas/[id]/page"), params({ id: idea.id }));
      expect(html).toContain(ESCAPED_SCRIPT);
      expect(rawTags(html)).toEqual([]);
    }
  });

  it("a news article's title, summary and body on the public article and the list", async () => {
    const article = await fx.news("PUBLISHED");
    await db.newsArticle.update({ where: { id: article.id }, data: { title: hostile("Tin OCOP"), summary: hostile("Tóm tắt"), body: `${hostile("Đoạn một")}\n\n${hostile("Đoạn hai")}` } });
    const page = await render(null, import("@/app/(public)/news/[slug]/page"), params({ slug: article.slug }));
    const list = await render(null, import("@/app/(public)/news/page"), { searchParams: Promise.resolve({}) });
    for (const html of [page, list]) {
      expect(html).toContain(ESCAPED_SCRIPT);
      expect(rawTags(html)).toEqual([]);
    }
    // The title also becomes the cover's alt text: an attribute, escaped as one.
    expect(page).toContain("alt=\"");
  });

  it("an inspection's findings and follow-up note on its page", async () => {
    const { inspection } = await fx.inspection(mw, "in");
    await db.inspection.update({
      where: { id: inspection.id },
      data: { status: "CONCLUDED", inspectedOn: new Date(), conclusion: "NON_COMPLIANT", followUp: "WARNING", findings: hostile("Tem sai hạng sao"), followUpNote: hostile("Thay tem"), team: hostile("Tổ kiểm tra") },
    });
    for (const actor of [mw.economicOffice, mw.producerUserA]) {
      const html = await render(actor, import("@/app/(portal)/inspections/[id]/page"), params({ id: inspection.id }));
      expect(html).toContain(ESCAPED_SCRIPT);
      expect(rawTags(html)).toEqual([]);
    }
  });
});
