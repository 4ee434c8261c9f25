// The English catalog, one file per area so that features add their strings without conflicts.
// Add a file: import it here, in the list below, and add its Chinese twin to ../zh/index.ts.
import { mergeCatalogs } from '../../merge';
import account from './account.json';
import admin from './admin.json';
import audit from './audit.json';
import common from './common.json';
import dashboards from './dashboards.json';
import plans from './plans.json';
import registries from './registries.json';
import twoFactor from './two-factor.json';
import updates from './updates.json';
import meetings from './meetings.json';
import pdf from './pdf.json';
import narrative from './narrative.json';
import budget from './budget.json';
import api from './api.json';
import cycle from './cycle.json';
import evidence from './evidence.json';
import donors from './donors.json';

const messages = mergeCatalogs([common, audit, account, admin, twoFactor, plans, registries, updates, dashboards, meetings, pdf, narrative, budget, api, cycle, evidence, donors]);
export default messages;
