import { rows } from '../../rows';

export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json(rows(Date.now() % 997));
}
