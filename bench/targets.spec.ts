import { ISSUE_TARGETS, describeTarget, indicative, meets } from './targets';

describe("issue #12's targets in the bench report", () => {
  it('judges a time against its floor: at most the ratio passes, above it fails', () => {
    expect(meets(ISSUE_TARGETS.decisions, 4.0, 2.0)).toBe(true); // exactly 2.0×
    expect(meets(ISSUE_TARGETS.decisions, 4.2, 2.0)).toBe(false);
  });

  it('judges a rate against its floor the other way round', () => {
    expect(meets(ISSUE_TARGETS.emailRate, 800, 1000)).toBe(true);
    expect(meets(ISSUE_TARGETS.emailRate, 790, 1000)).toBe(false);
  });

  it('judges memory and duplicates as values, without a floor', () => {
    expect(meets(ISSUE_TARGETS.peakRss, 256, null)).toBe(true);
    expect(meets(ISSUE_TARGETS.peakRss, 257, null)).toBe(false);
    expect(meets(ISSUE_TARGETS.duplicates, 1, null)).toBe(false);
  });

  it('gives no mark to a ratio whose floor was not measured', () => {
    expect(meets(ISSUE_TARGETS.rpcMedian, 1200, null)).toBeNull();
    expect(meets(ISSUE_TARGETS.rpcMedian, 1200, 0)).toBeNull();
  });

  it('describes each target as the report prints it', () => {
    expect(describeTarget(ISSUE_TARGETS.rpcP95)).toBe('≤ 3.0× floor');
    expect(describeTarget(ISSUE_TARGETS.importEmailRate)).toBe('≥ 0.8× floor');
    expect(describeTarget(ISSUE_TARGETS.peakRss)).toBe('≤ 256 MiB');
    expect(describeTarget(indicative(ISSUE_TARGETS.decisions, 'stated at 100,000 rows'))).toBe(
      '≤ 2.0× floor (stated at 100,000 rows)',
    );
  });
});
