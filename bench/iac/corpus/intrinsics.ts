// CloudFormation intrinsic functions in their JSON (long) form; the YAML writer turns them into short-form tags.
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export const ref = (name: string): Json => ({ Ref: name });
export const getAtt = (resource: string, attribute: string): Json => ({ 'Fn::GetAtt': [resource, attribute] });
export const sub = (text: string, vars?: Record<string, Json>): Json => ({ 'Fn::Sub': vars ? [text, vars] : text });
export const join = (separator: string, parts: Json[]): Json => ({ 'Fn::Join': [separator, parts] });
export const iff = (condition: string, whenTrue: Json, whenFalse: Json): Json => ({ 'Fn::If': [condition, whenTrue, whenFalse] });
export const findInMap = (map: string, key: Json, attribute: Json): Json => ({ 'Fn::FindInMap': [map, key, attribute] });
export const select = (index: number, list: Json): Json => ({ 'Fn::Select': [String(index), list] });
export const base64 = (value: Json): Json => ({ 'Fn::Base64': value });
export const equals = (a: Json, b: Json): Json => ({ 'Fn::Equals': [a, b] });
export const not = (condition: Json): Json => ({ 'Fn::Not': [condition] });
export const and = (...conditions: Json[]): Json => ({ 'Fn::And': conditions });
export const or = (...conditions: Json[]): Json => ({ 'Fn::Or': conditions });
export const condition = (name: string): Json => ({ Condition: name });
export const getAzs = (): Json => ({ 'Fn::GetAZs': '' });
export const noValue = ref('AWS::NoValue');

/** An IAM policy document. */
export const policy = (...statements: Json[]): Json => ({ Version: '2012-10-17', Statement: statements });
export const tags = (entries: Record<string, Json>): Json => Object.entries(entries).map(([Key, Value]) => ({ Key, Value }));
