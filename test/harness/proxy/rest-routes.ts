// Test-only: names the operation of a REST request (S3, Route 53, Backup, …) from its method and path.
// Routes come from the installed SDK v3 clients' own operation schemas (`{ http: [METHOD, URI] }`), so every
// operation of those clients is known; a few clients too old to carry schemas, or not installed, have a table here.

interface Route {
  operation: string;
  method: string;
  path: RegExp;
  query: Array<[key: string, value: string | undefined]>;
  specificity: number;
}

/** Which SDK package describes each REST service (keyed as the proxy names services). */
const PACKAGES: Record<string, string> = {
  s3: '@aws-sdk/client-s3',
  s3control: '@aws-sdk/client-s3-control',
  route53: '@aws-sdk/client-route-53',
  cloudfront: '@aws-sdk/client-cloudfront',
  apigateway: '@aws-sdk/client-api-gateway',
  apigatewayv2: '@aws-sdk/client-apigatewayv2',
  backup: '@aws-sdk/client-backup',
  account: '@aws-sdk/client-account',
  'access-analyzer': '@aws-sdk/client-accessanalyzer',
  dlm: '@aws-sdk/client-dlm',
  elasticfilesystem: '@aws-sdk/client-efs',
  guardduty: '@aws-sdk/client-guardduty',
  inspector2: '@aws-sdk/client-inspector2',
  lambda: '@aws-sdk/client-lambda',
  macie2: '@aws-sdk/client-macie2',
  es: '@aws-sdk/client-opensearch',
  securityhub: '@aws-sdk/client-securityhub',
  wellarchitected: '@aws-sdk/client-wellarchitected',
};

// Clients without schemas (FIS and Resilience Hub are pinned at 3.523) or not installed (SSM Incidents).
const TABLES: Record<string, Array<[operation: string, method: string, uri: string]>> = {
  fis: [
    ['ListExperiments', 'GET', '/experiments'],
    ['GetExperiment', 'GET', '/experiments/{id}'],
    ['StartExperiment', 'POST', '/experiments'],
    ['StopExperiment', 'DELETE', '/experiments/{id}'],
    ['ListExperimentTemplates', 'GET', '/experimentTemplates'],
    ['GetExperimentTemplate', 'GET', '/experimentTemplates/{id}'],
    ['CreateExperimentTemplate', 'POST', '/experimentTemplates'],
  ],
  resiliencehub: [
    ['ListApps', 'GET', '/list-apps'],
    ['ListResiliencyPolicies', 'GET', '/list-resiliency-policies'],
    ['ListAppAssessments', 'GET', '/list-app-assessments'],
    ['DescribeApp', 'POST', '/describe-app'],
    ['CreateApp', 'POST', '/create-app'],
    ['CreateResiliencyPolicy', 'POST', '/create-resiliency-policy'],
  ],
  'ssm-incidents': [
    ['ListResponsePlans', 'POST', '/listResponsePlans'],
    ['GetResponsePlan', 'GET', '/getResponsePlan'],
  ],
};

const cache = new Map<string, Promise<Route[]>>();

function compile(operation: string, method: string, uri: string): Route {
  const [pathPart = '/', queryPart = ''] = uri.split('?');
  const pattern = trimSlash(pathPart)
    .split(/(\{[^}]+\})/)
    .map((piece) => {
      if (!piece.startsWith('{')) return piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return piece.endsWith('+}') ? '.+' : '[^/]+';
    })
    .join('');
  const query = queryPart
    .split('&')
    .filter(Boolean)
    .map((pair): [string, string | undefined] => {
      const [key = '', value] = pair.split('=');
      return [key, value];
    });
  const literal = pathPart.replace(/\{[^}]+\}/g, '').length;
  return { operation, method, path: new RegExp(`^${pattern}$`), query, specificity: query.length * 1000 + literal };
}

function trimSlash(path: string): string {
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

async function loadRoutes(service: string): Promise<Route[]> {
  const routes: Route[] = (TABLES[service] ?? []).map(([op, method, uri]) => compile(op, method, uri));
  const pkg = PACKAGES[service];
  if (pkg) {
    const exports = (await import(pkg)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      if (!name.endsWith('$') || !Array.isArray(value) || value[0] !== 9) continue;
      const http = (value[3] as { http?: [string, string, number] } | undefined)?.http;
      if (http && typeof value[2] === 'string') routes.push(compile(value[2], http[0], http[1]));
    }
  }
  return routes.sort((a, b) => b.specificity - a.specificity);
}

export function routesFor(service: string): Promise<Route[]> {
  let routes = cache.get(service);
  if (!routes) {
    routes = loadRoutes(service);
    cache.set(service, routes);
  }
  return routes;
}

/**
 * The operation name of a REST request, or undefined when no route matches. For S3 (path-style addressing) the
 * bucket is the first path segment and not part of the modeled URI.
 */
export async function restOperation(service: string, method: string, url: URL): Promise<string | undefined> {
  let path = url.pathname;
  try {
    path = decodeURIComponent(path);
  } catch {
    // a malformed escape: match the raw path
  }
  if (service === 's3' && path !== '/') path = path.replace(/^\/[^/]+/, '') || '/';
  path = trimSlash(path);
  for (const route of await routesFor(service)) {
    if (route.method !== method || !route.path.test(path)) continue;
    if (route.query.every(([key, value]) => url.searchParams.has(key) && (value === undefined || url.searchParams.get(key) === value))) {
      return route.operation;
    }
  }
  return undefined;
}
