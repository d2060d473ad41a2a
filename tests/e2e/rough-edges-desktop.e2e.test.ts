// Issue 16's rough edges on a desktop (1280 px): tests/e2e/rough-edges.ts.
import { describeRoughEdges } from './rough-edges';

describeRoughEdges(1280);
