import { z } from 'zod';
import { apiRoute, parseQuery, pathParam } from '@/data/api/handler';
import { apiRegistry } from '@/data/api/records';
import { registryNames, registryQuery } from '@/lib/validation/api';

/** A registry (cities, partners, clusters, support-requests, activities) with its list page's search and filters. */
export const GET = apiRoute<{ registry: string }>('dashboard.read', async ({ params, query }) => ({
  body: await apiRegistry(pathParam(z.enum(registryNames), params, 'registry'), parseQuery(registryQuery, query)),
}));
