/** Storage of travellers and their documents. */
import { sql, type Kysely, type Selectable } from 'kysely';
import { afterKeyset } from './keyset.js';
import type { DB, DocumentsTable, TravellersTable } from '../db/schema.js';

export type TravellerRow = Selectable<TravellersTable>;
export type DocumentRow = Selectable<DocumentsTable>;
export type DocumentWithPost = DocumentRow & { issuing_post_code: string | null };

export async function insertTraveller(db: Kysely<DB>, row: TravellerRow): Promise<void> {
  await db.insertInto('travellers').values(row).execute();
}

export async function findTravellerById(db: Kysely<DB>, id: string): Promise<TravellerRow | undefined> {
  return db.selectFrom('travellers').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertDocument(db: Kysely<DB>, row: DocumentRow): Promise<void> {
  await db.insertInto('documents').values(row).execute();
}

function documentsWithPost(db: Kysely<DB>) {
  return db
    .selectFrom('documents')
    .leftJoin('posts', 'posts.id', 'documents.issuing_post_id')
    .selectAll('documents')
    .select('posts.code as issuing_post_code');
}

/** A traveller's documents, oldest first. */
export async function listDocuments(db: Kysely<DB>, travellerId: string): Promise<DocumentWithPost[]> {
  return documentsWithPost(db).where('documents.traveller_id', '=', travellerId).orderBy('documents.created_at').execute();
}

/** Documents of this type and number, from any issuer unless one is given. */
export async function findDocuments(
  db: Kysely<DB>,
  type: string,
  number: string,
  issuingCountry?: string,
): Promise<DocumentWithPost[]> {
  let query = documentsWithPost(db).where('documents.type', '=', type).where('documents.number', '=', number);
  if (issuingCountry) query = query.where('documents.issuing_country', '=', issuingCountry);
  return query.execute();
}

/**
 * Travellers with this Latin surname (and given names, when given) whose birth date is compatible with
 * `birthDate`: equal, or one a prefix of the other (a stored `1985` matches a query `1985-03-10` and back).
 */
export async function findTravellersByName(
  db: Kysely<DB>,
  query: { surname: string; givenNames?: string; birthDate?: string },
  limit: number,
  after?: { readonly key: string | number; readonly id: string },
): Promise<TravellerRow[]> {
  let q = db.selectFrom('travellers').selectAll().where('surname_latin', '=', query.surname);
  // The surname is fixed, so (given names, id) orders the result and is the keyset of its pages.
  if (after) q = q.where((eb) => afterKeyset(eb, 'given_names_latin', 'id', after));
  if (query.givenNames) q = q.where('given_names_latin', '=', query.givenNames);
  const birth = query.birthDate;
  if (birth) {
    q = q.where((eb) =>
      eb.or([
        eb('birth_date', '=', sql<string>`substr(${birth}, 1, length(birth_date))`),
        eb('birth_date', 'like', `${birth}%`),
      ]),
    );
  }
  return q.orderBy('given_names_latin').orderBy('id').limit(limit).execute();
}
