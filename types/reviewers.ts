/** A plan's goals with their named reviewers and who may be named (the reviewers panel of the plan page). */
export interface GoalReviewers {
  goals: { id: number; code: string; title: string }[];
  reviewers: { goalId: number; userId: string; name: string; email: string; role: string }[];
  candidates: { id: string; name: string; email: string; role: string }[];
}
