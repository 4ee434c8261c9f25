import type { Db } from '../client';
import { comments, meetingItemLinks, meetingItems, meetingItemStatusHistory, meetingParticipants, meetings } from '../schema';
import { ADMIN, BEIJING, NEW_YORK, STAFF, userId, type UserIds } from './users';

const COMMITTEE = 'committee@demo.local';

// The Steering Committee meeting of 7 May 2020 (context/2020-steering-committee-news.txt) and the working-level
// meetings with the national partner agency that followed. People appear by role only, never by name.

type ItemKind = 'recommendation' | 'decision' | 'action_item';
type ItemStatus = 'open' | 'in_progress' | 'done' | 'dropped';

export interface MeetingItemSeed {
  kind: ItemKind;
  text: string;
  owner: string;
  dueOn?: string;
  /** Dated status changes, oldest first; the last is the current status. */
  history: readonly (readonly [ItemStatus, string])[];
  goals?: readonly string[];
  indicators?: readonly string[];
  /** A committee member's question and the owner's answer, posted at these times (UTC), long past editing. */
  thread?: { question: string; askedAt: string; answer?: string; answeredAt?: string };
}

export interface MeetingSeed {
  kind: 'steering_committee' | 'working_level';
  heldOn: string;
  title: string;
  participants: string;
  agenda: string;
  minutes: string;
  /** Demo accounts who took part, beside the free-text participants. */
  participantUsers?: readonly string[];
  items: readonly MeetingItemSeed[];
}

const SC_DATE = '2020-05-07';

export const STEERING_COMMITTEE_2020: MeetingSeed = {
  kind: 'steering_committee',
  heldOn: SC_DATE,
  title: 'Steering Committee 2020 (online)',
  participantUsers: [ADMIN, NEW_YORK, BEIJING, COMMITTEE],
  participants:
    'Co-chairs: the Deputy Director of UNOSSC and the Deputy Director General of CICETE. Also: the Division Chief, Division II of UN Programmes, CICETE; the UNOSSC Programme Coordination Specialist; project staff from the New York headquarters and the Beijing project office.',
  agenda: [
    '1. Opening; progress of the project since April 2019',
    '2. Key results of 2019: demand-driven needs assessment, sectoral clusters of cities, advocacy, knowledge management',
    '3. The enhanced monitoring-and-evaluation plan; financial and operational observations',
    '4. The 2020 work plan: goals and targets',
    '5. Recommendations of the Committee and endorsement of the work plan',
  ].join('\n'),
  minutes: `## Summary

A two-hour meeting held online, co-chaired by the Deputy Director of UNOSSC and the Deputy Director General of CICETE.

- The **Programme Coordination Specialist** presented progress since April 2019; the team presented the key results of the demand-driven needs assessment, the sectoral clusters of cities, advocacy and knowledge management.
- The team introduced the **2020 work plan** and its goals: more cities engaged and partnerships developed; sectoral city clusters established and functional; city partners' COVID-19-related needs responded to and supported.
- Staff from the **New York headquarters** and the **Beijing project office** shared the enhanced monitoring-and-evaluation plan and financial and operational observations.

## Recommendations

- The **CICETE co-chair** shared overall recommendations, offered support to link the project with CICETE's existing partners, and shared a solution for reactivating engagement with several inactive partners.
- The **UNOSSC co-chair** gave strategic views on leveraging the opportunities of the Belt and Road Initiative and expanding partnerships to support the project's key targets, and concurred on the strategic significance of incorporating **online capacity development on e-commerce and digital innovation** in the new work plan.
- The **Division Chief of CICETE** shared observations on the project's financial status and utilisation and suggested that the Beijing team hold **more regular working-level meetings with CICETE**.

## Decision

The 2020 work plan was **endorsed**, subject to the incorporation of the key recommendations received at the meeting. The team will work with partners in China and around the world towards the new goals despite the uncertainties of the pandemic.`,
  items: [
    { kind: 'recommendation', text: 'Incorporate online capacity development on e-commerce and digital innovation in the 2020 work plan.',
      owner: BEIJING, dueOn: '2020-06-15', history: [['open', SC_DATE], ['in_progress', '2020-05-14'], ['done', '2020-06-18']], goals: ['G4'], indicators: ['G4.1'] },
    { kind: 'recommendation', text: 'Hold more regular working-level meetings between the Beijing project team and CICETE.',
      owner: BEIJING, dueOn: '2020-06-30', history: [['open', SC_DATE], ['in_progress', '2020-06-18']], indicators: ['G5.4'] },
    { kind: 'recommendation', text: 'Reactivate engagement with inactive partners, applying the solution proposed by CICETE.',
      owner: BEIJING, dueOn: '2020-09-30', history: [['open', SC_DATE], ['in_progress', '2020-05-25'], ['done', '2020-09-22']], indicators: ['G1.3'] },
    { kind: 'recommendation', text: "Link the project with CICETE's existing partners, with CICETE's support.",
      owner: BEIJING, dueOn: '2020-12-31', history: [['open', SC_DATE], ['in_progress', '2020-06-18']], indicators: ['G1.4'],
      thread: { question: 'How many of the partners CICETE introduced have signed so far?', askedAt: '2020-10-05T08:30:00Z',
        answer: 'The shortlist is in the partner registry; the first agreements are under review.', answeredAt: '2020-10-06T02:10:00Z' } },
    { kind: 'recommendation', text: "Leverage the opportunities of the Belt and Road Initiative and expand partnerships to support the project's key targets.",
      owner: NEW_YORK, dueOn: '2020-12-31', history: [['open', SC_DATE], ['in_progress', '2020-07-01']], goals: ['G1'] },
    { kind: 'decision', text: 'The 2020 work plan is endorsed, subject to the incorporation of the key recommendations received at the meeting.',
      owner: ADMIN, dueOn: '2020-05-31', history: [['open', SC_DATE], ['done', '2020-05-29']], goals: ['G1', 'G2', 'G3', 'G4', 'G5'] },
    { kind: 'action_item', text: "Circulate the revised 2020 work plan, incorporating the Committee's recommendations, to the members.",
      owner: NEW_YORK, dueOn: '2020-05-31', history: [['open', SC_DATE], ['done', '2020-05-28']] },
    { kind: 'action_item', text: "Share a quarterly note on the project's financial status and budget utilisation with CICETE.",
      owner: NEW_YORK, dueOn: '2020-07-15', history: [['open', SC_DATE], ['in_progress', '2020-07-10']], indicators: ['G5.2', 'G5.3'] },
    { kind: 'action_item', text: "Finalise the enhanced M&E plan with the Committee's comments.",
      owner: NEW_YORK, dueOn: '2020-06-30', history: [['open', SC_DATE], ['done', '2020-06-26']], indicators: ['G5.1'] },
  ],
};

const WL_PARTICIPANTS = 'Beijing project team (Project Officer, M&E focal point); CICETE Division II of UN Programmes (programme officers).';

export const WORKING_LEVEL_MEETINGS: readonly MeetingSeed[] = [
  { kind: 'working_level', heldOn: '2020-06-18', title: 'Working-level meeting with CICETE (June 2020)', participants: WL_PARTICIPANTS, participantUsers: [BEIJING],
    agenda: '1. Follow-up to the Steering Committee\n2. Online training series\n3. Introductions to CICETE partners',
    minutes: 'First of the more regular working-level meetings the Committee asked for.\n\n- Agreed the calendar of the online e-commerce and digital-innovation series.\n- CICETE to share a shortlist of its partners interested in the project.',
    items: [
      { kind: 'action_item', text: 'Agree the calendar of online e-commerce and digital-innovation trainings for July–November.', owner: BEIJING,
        dueOn: '2020-07-03', history: [['open', '2020-06-18'], ['done', '2020-07-02']], indicators: ['G4.1'] },
      { kind: 'action_item', text: 'Prepare a shortlist of CICETE partners to introduce to the project.', owner: BEIJING,
        dueOn: '2020-07-31', history: [['open', '2020-06-18'], ['done', '2020-07-20']], indicators: ['G1.4'] },
    ] },
  { kind: 'working_level', heldOn: '2020-08-20', title: 'Working-level meeting with CICETE (August 2020)', participants: WL_PARTICIPANTS,
    agenda: '1. Financial status and budget utilisation\n2. Cluster work plans\n3. Partner reactivation',
    minutes: '- Budget utilisation is behind plan because of travel restrictions; a catch-up plan is needed.\n- Two inactive partners re-engaged since June; two more in discussion.',
    items: [
      { kind: 'action_item', text: 'Prepare a budget utilisation catch-up plan for the second half of the year.', owner: NEW_YORK,
        dueOn: '2020-09-30', history: [['open', '2020-08-20'], ['in_progress', '2020-09-01']], indicators: ['G5.2'] },
      { kind: 'action_item', text: 'Draft a separate joint work plan for the Urban Health and Resilience Cluster.', owner: STAFF,
        dueOn: '2020-10-15', history: [['open', '2020-08-20'], ['dropped', '2020-09-24']], goals: ['G2'] },
    ] },
  { kind: 'working_level', heldOn: '2020-09-24', title: 'Working-level meeting with CICETE (September 2020)', participants: WL_PARTICIPANTS,
    agenda: '1. Partner reactivation: status\n2. Urban Health and Resilience Cluster\n3. Support requests in progress',
    minutes: '- All four targeted inactive partners are re-engaged; the remaining inactive partner in Tehran to be approached through CICETE.\n- The urban-health work plan will be agreed at the cluster\'s own session rather than drafted separately.',
    items: [
      { kind: 'action_item', text: 'Follow up with the Tehran partner on re-engagement through CICETE\'s channels.', owner: BEIJING,
        dueOn: '2020-10-31', history: [['open', '2020-09-24']], indicators: ['G1.3'],
        thread: { question: 'This is past its due date: is a new date agreed with CICETE?', askedAt: '2020-11-09T09:00:00Z' } },
      { kind: 'decision', text: "Agree the Urban Health and Resilience Cluster's work plan at its own session instead of a separate draft.", owner: ADMIN,
        history: [['open', '2020-09-24'], ['done', '2020-09-24']], goals: ['G2'] },
    ] },
  { kind: 'working_level', heldOn: '2020-10-29', title: 'Working-level meeting with CICETE (October 2020)', participants: WL_PARTICIPANTS,
    agenda: '1. Annual results report\n2. November online session\n3. CICETE partner introductions',
    minutes: '- Outline of the annual results report to be prepared for the Committee.\n- CICETE invited to the November session on data protection.',
    items: [
      { kind: 'action_item', text: 'Prepare the outline of the 2020 annual results report for the Committee.', owner: NEW_YORK,
        dueOn: '2020-12-01', history: [['open', '2020-10-29']], indicators: ['G5.5'] },
      { kind: 'action_item', text: 'Invite CICETE to the November online session on data protection.', owner: BEIJING,
        dueOn: '2020-11-05', history: [['open', '2020-10-29'], ['done', '2020-11-03']] },
    ] },
];

export const MEETINGS_2020: readonly MeetingSeed[] = [STEERING_COMMITTEE_2020, ...WORKING_LEVEL_MEETINGS];

export async function insertMeetings(
  db: Db,
  planId: number,
  owners: UserIds,
  goalIds: ReadonlyMap<string, number>,
  indicatorIds: ReadonlyMap<string, number>,
): Promise<void> {
  for (const m of MEETINGS_2020) {
    const { items, participantUsers, ...meeting } = m;
    const [row] = await db.insert(meetings).values({ ...meeting, planId }).returning({ id: meetings.id });
    const people = (participantUsers ?? []).flatMap((email) => {
      const id = userId(owners, email);
      return id ? [{ meetingId: row!.id, userId: id }] : [];
    });
    if (people.length > 0) await db.insert(meetingParticipants).values(people);
    for (const item of items) {
      const ownerId = userId(owners, item.owner);
      const [itemRow] = await db
        .insert(meetingItems)
        .values({
          meetingId: row!.id,
          kind: item.kind,
          text: item.text,
          ownerId,
          ownerName: ownerId ? null : 'Project team',
          dueOn: item.dueOn ?? null,
          status: item.history[item.history.length - 1]![0],
        })
        .returning({ id: meetingItems.id });
      const itemId = itemRow!.id;
      await db
        .insert(meetingItemStatusHistory)
        .values(item.history.map(([status, changedOn]) => ({ itemId, status, changedOn, changedBy: ownerId })));
      const links = [
        ...(item.goals ?? []).flatMap((c) => (goalIds.has(c) ? [{ itemId, goalId: goalIds.get(c)! }] : [])),
        ...(item.indicators ?? []).flatMap((c) => (indicatorIds.has(c) ? [{ itemId, indicatorId: indicatorIds.get(c)! }] : [])),
      ];
      if (links.length > 0) await db.insert(meetingItemLinks).values(links);
      const asker = userId(owners, COMMITTEE);
      if (item.thread && asker) {
        const [question] = await db
          .insert(comments)
          .values({ meetingItemId: itemId, authorId: asker, body: item.thread.question, createdAt: new Date(item.thread.askedAt) })
          .returning({ id: comments.id });
        if (item.thread.answer && ownerId) {
          await db.insert(comments).values({
            meetingItemId: itemId,
            parentId: question!.id,
            authorId: ownerId,
            body: item.thread.answer,
            createdAt: new Date(item.thread.answeredAt ?? item.thread.askedAt),
          });
        }
      }
    }
  }
}
