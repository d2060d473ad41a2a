// Issue 16's rough edges on a phone (390 px): tests/e2e/rough-edges.ts.
import { describeRoughEdges } from './rough-edges';

describeRoughEdges(390);
