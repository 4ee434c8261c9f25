import 'server-only';

/**
 * The meetings' writes that their server actions call (meetings, action items, comments, the meeting record), and
 * the lookups an action makes before writing (the meeting, the item, what a comment is on): each write a
 * db/queries function that writes its change and its audit row in one transaction. Actions authorize through the
 * policy (data/action.ts) before calling them; app/ reaches the database only through data/.
 */
export { addComment, commentSubject, editComment } from '@/db/queries/comments';
export { createItem, findItem, setItemStatus, updateItem } from '@/db/queries/meetings/items';
export { createMeeting, findMeeting, updateMeeting } from '@/db/queries/meetings/meetings';
export { addNarrativeVersion, approveNarrative, closeMeetingRecord } from '@/db/queries/narratives/write';
