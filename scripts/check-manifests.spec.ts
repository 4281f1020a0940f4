import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..');
const MANIFESTS = path.join(ROOT, 'deploy/k8s');

/** Runs the check on a copy of deploy/k8s changed by `edit` (file name → new text). */
function checkEdited(edit: (files: Record<string, string>) => void): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-k8s-'));
  try {
    const files: Record<string, string> = {};
    for (const name of fs.readdirSync(MANIFESTS)) files[name] = fs.readFileSync(path.join(MANIFESTS, name), 'utf8');
    edit(files);
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/check-manifests.mjs'), dir], {
      encoding: 'utf8',
    });
    return { status: run.status, output: run.stdout + run.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the deploy manifest check (npm run deploy:check)', () => {
  it('passes the manifests in deploy/k8s', () => {
    const result = checkEdited(() => undefined);
    expect(result.output).toContain('are valid');
    expect(result.status).toBe(0);
  });

  it('refuses a field of the wrong type (Kubernetes schema)', () => {
    const result = checkEdited((files) => {
      files['invite.yaml'] = files['invite.yaml'].replace('replicas: 2', 'replicas: two');
    });
    expect(result.status).toBe(1);
    expect(result.output).toMatch(/Deployment gatehouse-invite.*spec\/replicas must be integer/);
  });

  it('refuses an apiVersion/kind Kubernetes does not have', () => {
    const result = checkEdited((files) => {
      files['hub.yaml'] = files['hub.yaml'].replace('apiVersion: policy/v1', 'apiVersion: policy/v1beta7');
    });
    expect(result.status).toBe(1);
    expect(result.output).toContain('policy/v1beta7 PodDisruptionBudget is not a Kubernetes API type');
  });

  it('refuses a Deployment without its PodDisruptionBudget or with an autoscaler aimed elsewhere', () => {
    const result = checkEdited((files) => {
      files['notification.yaml'] = files['notification.yaml'].split('\n---\n# Voluntary evictions')[0] + '\n';
      files['hub.yaml'] = files['hub.yaml'].replace(
        'kind: Deployment, name: gatehouse-hub',
        'kind: Deployment, name: gatehouse-hubb',
      );
    });
    expect(result.status).toBe(1);
    expect(result.output).toContain('Deployment gatehouse-notification: no PodDisruptionBudget covers its pods');
    expect(result.output).toContain('Deployment gatehouse-hub: no HorizontalPodAutoscaler scales it');
    expect(result.output).toContain('scales Deployment gatehouse-hubb, which is not here');
  });

  it('refuses an old space bounded without the young generation (Node.js 24 would collect in full every time)', () => {
    const result = checkEdited((files) => {
      files['gateway.yaml'] = files['gateway.yaml'].replace(' --max-semi-space-size=16', '');
    });
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      'Deployment gatehouse-gateway/gateway: NODE_OPTIONS bounds the old space without --max-semi-space-size',
    );
  });
});
