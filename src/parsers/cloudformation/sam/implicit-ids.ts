import { isPlainObject } from '../../shared/values.js';

/**
 * Logical ids of the resources SAM creates, known before values are resolved so that a `Ref`/`Fn::GetAtt` to them
 * (`!GetAtt MyFunctionRole.Arn`, `!Ref ServerlessRestApi`) becomes a `$ref` like any other.
 */
export function samImplicitIds(resources: Record<string, unknown>): string[] {
  const ids: string[] = [];
  let restApi = false;
  let httpApi = false;
  for (const [id, resource] of Object.entries(resources)) {
    if (!isPlainObject(resource)) continue;
    const properties = isPlainObject(resource['Properties']) ? resource['Properties'] : {};
    switch (resource['Type']) {
      case 'AWS::Serverless::Function':
        if (properties['Role'] === undefined) ids.push(`${id}Role`);
        if (properties['FunctionUrlConfig'] !== undefined) ids.push(`${id}Url`);
        for (const event of isPlainObject(properties['Events']) ? Object.values(properties['Events']) : []) {
          if (!isPlainObject(event) || !isPlainObject(event['Properties'])) continue;
          if (event['Type'] === 'Api' && event['Properties']['RestApiId'] === undefined) restApi = true;
          if (event['Type'] === 'HttpApi' && event['Properties']['ApiId'] === undefined) httpApi = true;
        }
        break;
      case 'AWS::Serverless::StateMachine':
        if (properties['Role'] === undefined) ids.push(`${id}Role`);
        break;
      case 'AWS::Serverless::Api':
        ids.push(`${id}Stage`, `${id}DomainName`);
        if (typeof properties['StageName'] === 'string') ids.push(`${id}${properties['StageName']}Stage`);
        break;
      case 'AWS::Serverless::HttpApi':
        ids.push(`${id}ApiGatewayDefaultStage`, `${id}DomainName`);
        break;
    }
  }
  if (restApi) ids.push('ServerlessRestApi', 'ServerlessRestApiProdStage');
  if (httpApi) ids.push('ServerlessHttpApi', 'ServerlessHttpApiApiGatewayDefaultStage');
  return ids;
}
