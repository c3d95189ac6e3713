import { sql, type Kysely } from 'kysely';
import { allOrNothing, isPostgres } from './portable.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- migrations are frozen against Kysely<any> */

/**
 * The dashboard's stance tallies, kept by the database: per frozen service and stance, how many
 * municipalities that have submitted took that stance and how many inhabitants they hold. With
 * every municipality answering a list of thousands of services, counting the stances for each view
 * of the dashboard grew with the stances (over a million); this table grows with the services.
 *
 * Triggers keep it whoever writes (the use cases, the synthetic model, a copy or a test): a stance
 * written, changed or removed in a submitted review, a review submitted or opened again or removed,
 * a municipality's population corrected. A row whose service is gone is not written (the service's
 * rows go with it).
 */

/** Adds one signed tally change per (service, stance) selected: `select round_service_id, stance, n, p from … where …`. */
const upsert = (select: string) =>
  `insert into review_tally (round_service_id, stance, n, p) ${select}
   on conflict (round_service_id, stance) do update set n = review_tally.n + excluded.n, p = review_tally.p + excluded.p;`;

/** One stance row's part (sign +1 or -1) when its review is submitted and its service still exists. */
const stancePart = (row: 'new' | 'old', sign: 1 | -1) =>
  upsert(`select ${row}.round_service_id, ${row}.stance, ${sign}, ${sign} * m.population
    from municipality_review r
    join municipality m on m.number = r.municipality_number
    join review_round_service rs on rs.id = ${row}.round_service_id
    where r.id = ${row}.review_id and r.status = 'submitted'`);

/** A whole review's part (sign +1 or -1): each of its stances. */
const reviewPart = (row: 'new' | 'old', sign: 1 | -1) =>
  upsert(`select s.round_service_id, s.stance, ${sign} * count(*), ${sign} * count(*) * m.population
    from review_stance s
    join municipality m on m.number = ${row}.municipality_number
    where s.review_id = ${row}.id
    group by s.round_service_id, s.stance, m.population`);

/** A municipality's population corrected: its submitted stances weigh the difference. */
const populationPart = upsert(`select s.round_service_id, s.stance, 0, count(*) * (new.population - old.population)
    from review_stance s
    join municipality_review r on r.id = s.review_id
    where r.municipality_number = new.number and r.status = 'submitted'
    group by s.round_service_id, s.stance`);

export async function up(db: Kysely<any>): Promise<void> {
  await allOrNothing(db, async (trx) => {
    await trx.schema
      .createTable('review_tally')
      .addColumn('round_service_id', 'integer', (c) => c.notNull().references('review_round_service.id').onDelete('cascade'))
      .addColumn('stance', 'varchar(30)', (c) => c.notNull())
      .addColumn('n', 'integer', (c) => c.notNull())
      .addColumn('p', 'bigint', (c) => c.notNull())
      .addPrimaryKeyConstraint('review_tally_pk', ['round_service_id', 'stance'])
      .execute();
    await sql`insert into review_tally (round_service_id, stance, n, p)
      select s.round_service_id, s.stance, count(*), sum(m.population)
      from review_stance s
      join municipality_review r on r.id = s.review_id
      join municipality m on m.number = r.municipality_number
      where r.status = 'submitted'
      group by s.round_service_id, s.stance`.execute(trx);

    if (isPostgres(trx)) {
      await sql.raw(`create function review_tally_stance() returns trigger language plpgsql as $$
        begin
          if tg_op in ('UPDATE', 'DELETE') then ${stancePart('old', -1)} end if;
          if tg_op in ('INSERT', 'UPDATE') then ${stancePart('new', 1)} end if;
          return null;
        end $$`).execute(trx);
      await sql`create trigger review_tally_stance after insert or update or delete on review_stance for each row execute function review_tally_stance()`.execute(trx);
      await sql.raw(`create function review_tally_review() returns trigger language plpgsql as $$
        begin
          if tg_op = 'DELETE' then
            if old.status = 'submitted' then ${reviewPart('old', -1)} end if;
            return old;
          end if;
          if old.status = 'submitted' and (new.status <> 'submitted' or new.municipality_number <> old.municipality_number) then ${reviewPart('old', -1)} end if;
          if new.status = 'submitted' and (old.status <> 'submitted' or new.municipality_number <> old.municipality_number) then ${reviewPart('new', 1)} end if;
          return new;
        end $$`).execute(trx);
      // Before the delete, while the review's stances are still there to subtract.
      await sql`create trigger review_tally_review_delete before delete on municipality_review for each row execute function review_tally_review()`.execute(trx);
      await sql`create trigger review_tally_review_update after update of status, municipality_number on municipality_review for each row execute function review_tally_review()`.execute(trx);
      await sql.raw(`create function review_tally_population() returns trigger language plpgsql as $$
        begin
          if new.population <> old.population then ${populationPart} end if;
          return null;
        end $$`).execute(trx);
      await sql`create trigger review_tally_population after update of population on municipality for each row execute function review_tally_population()`.execute(trx);
    } else {
      await sql.raw(`create trigger review_tally_stance_insert after insert on review_stance begin ${stancePart('new', 1)} end`).execute(trx);
      await sql.raw(`create trigger review_tally_stance_update after update on review_stance begin ${stancePart('old', -1)} ${stancePart('new', 1)} end`).execute(trx);
      await sql.raw(`create trigger review_tally_stance_delete after delete on review_stance begin ${stancePart('old', -1)} end`).execute(trx);
      await sql.raw(`create trigger review_tally_review_delete before delete on municipality_review when old.status = 'submitted' begin ${reviewPart('old', -1)} end`).execute(trx);
      await sql.raw(`create trigger review_tally_review_leave after update of status, municipality_number on municipality_review
        when old.status = 'submitted' and (new.status <> 'submitted' or new.municipality_number <> old.municipality_number) begin ${reviewPart('old', -1)} end`).execute(trx);
      await sql.raw(`create trigger review_tally_review_enter after update of status, municipality_number on municipality_review
        when new.status = 'submitted' and (old.status <> 'submitted' or new.municipality_number <> old.municipality_number) begin ${reviewPart('new', 1)} end`).execute(trx);
      await sql.raw(`create trigger review_tally_population after update of population on municipality when new.population <> old.population begin ${populationPart} end`).execute(trx);
    }
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  await allOrNothing(db, async (trx) => {
    if (isPostgres(trx)) {
      await sql`drop trigger review_tally_stance on review_stance`.execute(trx);
      await sql`drop trigger review_tally_review_delete on municipality_review`.execute(trx);
      await sql`drop trigger review_tally_review_update on municipality_review`.execute(trx);
      await sql`drop trigger review_tally_population on municipality`.execute(trx);
      await sql`drop function review_tally_stance()`.execute(trx);
      await sql`drop function review_tally_review()`.execute(trx);
      await sql`drop function review_tally_population()`.execute(trx);
    } else {
      for (const name of ['stance_insert', 'stance_update', 'stance_delete', 'review_delete', 'review_leave', 'review_enter', 'population']) {
        await sql.raw(`drop trigger review_tally_${name}`).execute(trx);
      }
    }
    await trx.schema.dropTable('review_tally').execute();
  });
}
