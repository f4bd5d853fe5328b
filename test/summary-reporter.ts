/**
 * Prints one plain closing line, `Tests: N passed, N failed, N skipped`, that
 * CI reads to know how many tests ran (it does not parse Vitest's own summary).
 */
import type { Reporter, SerializedError, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError> = []): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      // A module that failed to load, or whose beforeAll failed, leaves its tests
      // unrun or skipped; it must still count as a failure.
      const failedTests = [...mod.children.allTests()].filter((t) => t.result().state === 'failed').length;
      if (mod.state() === 'failed' && failedTests === 0) failed++;
    }
    failed += unhandledErrors.length;
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
