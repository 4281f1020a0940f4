// Checks the Kubernetes manifests in deploy/k8s (or the folder given as the first argument) without a
// cluster: every document against the Kubernetes API schema of its apiVersion/kind (kubernetes-models,
// the OpenAPI schemas of Kubernetes turned into validators), then what a schema cannot see — every
// Deployment has its Service, HorizontalPodAutoscaler and PodDisruptionBudget, their selectors and targets
// match it, a container's memory request fits under its limit, and a bounded old space comes with a bounded
// young generation. Exits 1 with one line per problem.
/* global console */
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const folder = path.resolve(process.argv[2] ?? path.join(root, 'deploy/k8s'));

/** The manifests, each with where it came from. */
function readManifests(dir) {
  const manifests = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()) {
    const documents = parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8'));
    documents.forEach((document, index) => {
      const where = `${file} #${index + 1}`;
      if (document.errors.length > 0) {
        manifests.push({ where, parseError: document.errors.map((error) => error.message).join('; ') });
      } else if (document.contents !== null) {
        manifests.push({ where, object: document.toJS() });
      }
    });
  }
  return manifests;
}

/** The schema check: kubernetes-models has one module per apiVersion/kind, e.g. apps/v1/Deployment. */
async function schemaProblems({ where, object }) {
  const { apiVersion, kind } = object ?? {};
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return [`${where}: no apiVersion/kind`];
  let Model;
  try {
    Model = (await import(`kubernetes-models/${apiVersion}/${kind}`))[kind];
  } catch {
    return [`${where}: ${apiVersion} ${kind} is not a Kubernetes API type`];
  }
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    return [`${where} (${kind} ${object.metadata?.name}): ${error.message}`];
  }
}

const MEMORY_UNITS = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, K: 1e3, M: 1e6, G: 1e9 };
function bytes(quantity) {
  const match = /^(\d+(?:\.\d+)?)([KMG]i?)?$/.exec(String(quantity));
  return match ? Number(match[1]) * (MEMORY_UNITS[match[2]] ?? 1) : NaN;
}

const labelsMatch = (selector, labels) =>
  Object.entries(selector ?? {}).every(([key, value]) => labels?.[key] === value) &&
  Object.keys(selector ?? {}).length > 0;

/** What ties the objects of one process together. */
function consistencyProblems(objects) {
  const problems = [];
  const ofKind = (kind) => objects.filter((object) => object.kind === kind);
  for (const deployment of ofKind('Deployment')) {
    const name = deployment.metadata.name;
    const labels = deployment.spec.template.metadata?.labels;
    if (!labelsMatch(deployment.spec.selector?.matchLabels, labels)) {
      problems.push(`Deployment ${name}: its selector does not match its pod labels`);
    }
    if (!ofKind('Service').some((service) => labelsMatch(service.spec?.selector, labels))) {
      problems.push(`Deployment ${name}: no Service selects its pods`);
    }
    if (!ofKind('PodDisruptionBudget').some((pdb) => labelsMatch(pdb.spec?.selector?.matchLabels, labels))) {
      problems.push(`Deployment ${name}: no PodDisruptionBudget covers its pods`);
    }
    const autoscaler = ofKind('HorizontalPodAutoscaler').find(
      (hpa) => hpa.spec?.scaleTargetRef?.kind === 'Deployment' && hpa.spec.scaleTargetRef.name === name,
    );
    if (!autoscaler) problems.push(`Deployment ${name}: no HorizontalPodAutoscaler scales it`);
    else if (autoscaler.spec.minReplicas < 2) {
      problems.push(`HorizontalPodAutoscaler of ${name}: minReplicas below 2 leaves no replica during a rollout`);
    }
    for (const container of deployment.spec.template.spec.containers) {
      const request = bytes(container.resources?.requests?.memory);
      const limit = bytes(container.resources?.limits?.memory);
      if (!(request > 0)) problems.push(`Deployment ${name}/${container.name}: no memory request`);
      if (!(limit >= request)) problems.push(`Deployment ${name}/${container.name}: memory limit below the request`);
      const nodeOptions = container.env?.find((variable) => variable.name === 'NODE_OPTIONS')?.value ?? '';
      if (nodeOptions.includes('--max-old-space-size') && !nodeOptions.includes('--max-semi-space-size')) {
        problems.push(
          `Deployment ${name}/${container.name}: NODE_OPTIONS bounds the old space without --max-semi-space-size ` +
            '(on Node.js 24 every collection then becomes a full one, docs/performance.md)',
        );
      }
    }
  }
  for (const hpa of ofKind('HorizontalPodAutoscaler')) {
    const target = hpa.spec?.scaleTargetRef;
    if (!ofKind(target?.kind).some((object) => object.metadata?.name === target?.name)) {
      problems.push(
        `HorizontalPodAutoscaler ${hpa.metadata?.name}: scales ${target?.kind} ${target?.name}, which is not here`,
      );
    }
  }
  return problems;
}

const manifests = readManifests(folder);
const problems = manifests.filter((m) => m.parseError).map((m) => `${m.where}: not YAML: ${m.parseError}`);
const parsed = manifests.filter((m) => !m.parseError);
for (const manifest of parsed) problems.push(...(await schemaProblems(manifest)));
if (problems.length === 0) problems.push(...consistencyProblems(parsed.map((m) => m.object)));

if (problems.length > 0) {
  console.error(`deploy manifests: ${problems.length} problem(s) in ${folder}`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`deploy manifests: ${parsed.length} objects in ${path.relative(root, folder) || '.'} are valid`);
