/** Storage of travellers and their documents. */
import type { Kysely, Selectable } from 'kysely';
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
