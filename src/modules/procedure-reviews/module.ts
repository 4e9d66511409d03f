/** Procedure reviews (rà soát, đánh giá TTHC) and the compliance-cost calculation of Circular 02/2017/TT-VPCP. */
import type { ModuleManifest } from '../../kernel/module.js';
import { REVIEW_ERRORS } from './reviews.errors.js';
import { reviewRoutes } from './reviews.routes.js';
import * as reviewsTables from './reviews.tables.js';

export const procedureReviewsModule: ModuleManifest = {
  name: 'procedure-reviews',
  needs: ['access', 'audit', 'catalog'],
  tables: [reviewsTables],
  errors: [REVIEW_ERRORS],
  routes: reviewRoutes,
};
