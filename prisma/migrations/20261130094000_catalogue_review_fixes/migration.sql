-- Review fixes to the catalogue (issue 5).

-- 1. The product follows its newest live certificate. A renewal or upgrade issued on the same day
-- as the certificate it replaces must not hand the product back when the old one is marked
-- RENEWED or SUPERSEDED a moment later: ties on the issue date go to the later row, and a
-- replaced certificate never becomes current.
CREATE OR REPLACE FUNCTION ocop_product_follow_certificate() RETURNS trigger AS $$
BEGIN
  IF NEW."productId" IS NULL THEN
    RETURN NEW;
  END IF;
  UPDATE "Product" p
     SET "certificateId" = NEW."id",
         "star" = NEW."star",
         "certificateStatus" = NEW."status",
         "certificateIssuedOn" = NEW."issuedOn",
         "certificateExpiresOn" = NEW."expiresOn",
         "updatedAt" = now()
   WHERE p."id" = NEW."productId"
     AND (
       p."certificateId" IS NULL
       OR p."certificateId" = NEW."id"
       OR (
         NEW."status" NOT IN ('RENEWED', 'SUPERSEDED')
         AND (NEW."issuedOn", NEW."createdAt") > (SELECT c."issuedOn", c."createdAt" FROM "Certificate" c WHERE c."id" = p."certificateId")
       )
     );
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

-- 2. Text folded as lib/domain/catalogue.ts foldVietnamese does (lower case, no diacritics, đ → d,
-- anything else than letters and digits as one space), for rows written by SQL. translate() is
-- spelled out for both cases because lower() follows the server's locale, which may be "C".
CREATE FUNCTION ocop_fold(t text) RETURNS text AS $$
  SELECT btrim(regexp_replace(lower(translate(t, 'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ', 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyydaaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd')), '[^a-z0-9]+', ' ', 'g'))
$$ LANGUAGE sql IMMUTABLE;

-- 3. Certificates issued before the catalogue existed get their product: a renewal or upgrade
-- joins the product of the certificate it builds on, any other certificate starts one. Oldest
-- first, so a chain's first certificate has its product before its successors look for it.
DO $$
DECLARE
  c RECORD;
  pid TEXT;
BEGIN
  FOR c IN
    SELECT ce."id", ce."producerId", ce."productName", ce."criteriaSetNo", d."previousCertificateId" AS prev
      FROM "Certificate" ce JOIN "Dossier" d ON d."id" = ce."dossierId"
     WHERE ce."productId" IS NULL
     ORDER BY ce."issuedOn", ce."createdAt"
  LOOP
    pid := NULL;
    IF c.prev IS NOT NULL THEN
      SELECT "productId" INTO pid FROM "Certificate" WHERE "id" = c.prev;
    END IF;
    IF pid IS NULL THEN
      pid := 'bf' || substr(md5(c."id"), 1, 23);
      INSERT INTO "Product" ("id", "slug", "producerId", "name", "criteriaSetNo", "searchText", "updatedAt")
      SELECT pid,
             coalesce(nullif(left(replace(ocop_fold(c."productName"), ' ', '-'), 60), ''), 'san-pham') || '-' || substr(md5(c."id"), 1, 6),
             c."producerId", c."productName", c."criteriaSetNo",
             ocop_fold(c."productName" || ' ' || pr."name" || ' ' || w."name"),
             now()
        FROM "Producer" pr JOIN "AdminUnit" w ON w."id" = pr."wardId"
       WHERE pr."id" = c."producerId";
    END IF;
    UPDATE "Certificate" SET "productId" = pid WHERE "id" = c."id";
  END LOOP;
END $$;
