// The severity ranking, the counts and the findings per value (extension/shared/findings.js),
// written once for the worker, the popup and side panel, Verify and the content script's marks.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countBySeverity, findingsByParam, worstSeverity } from '../../extension/shared/findings.js';

const finding = (severity, param = null) => ({ code: `c-${severity}`, severity, param, message: 'm', fix: 'f', fixed_value: null });

test('the worst severity is the first of error, warning, info present; none is ok', () => {
  assert.equal(worstSeverity([]), 'ok');
  assert.equal(worstSeverity([finding('info'), finding('warning')]), 'warning');
  assert.equal(worstSeverity([finding('warning'), finding('error'), finding('info')]), 'error');
  // The content script's marks carry 'ok' for values without findings.
  assert.equal(worstSeverity([{ severity: 'ok' }, { severity: 'info' }]), 'info');
  assert.equal(worstSeverity([{ severity: 'ok' }]), 'ok');
});

test('counts name every severity, zero when absent', () => {
  assert.deepEqual(countBySeverity(), { error: 0, warning: 0, info: 0 });
  assert.deepEqual(countBySeverity([finding('error'), finding('info'), finding('error')]), { error: 2, warning: 0, info: 1 });
});

test('findings go to the value they are about; the rest are general', () => {
  const a = finding('error', 0);
  const b = finding('warning', 1);
  const general = finding('info');
  const outOfRange = finding('warning', 7);
  const { perParam, general: rest } = findingsByParam({ params: ['x', 'y', 'z'], findings: [a, general, b, outOfRange] });
  assert.deepEqual(perParam, [[a], [b], []]);
  assert.deepEqual(rest, [general, outOfRange]);
});
