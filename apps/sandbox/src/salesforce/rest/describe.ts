import { SOBJECT_TYPES } from "../model/sobject-registry.js";
import type { SfFieldDescriptor, SfFieldType, SObjectDescriptor } from "../model/sobject-type.js";

/**
 * Describe answers built from the sandbox's sObject descriptors, with the attributes clients
 * read (jsforce's `describe`, `describeGlobal`). Labels of custom fields are their API names
 * without `__c`, underscores as spaces. Source: Salesforce REST API Developer Guide,
 * "Describe Global", "sObject Basic Information", "sObject Describe"; SOAP API "DescribeSObjectResult".
 */

/** The SOAP type of each field type, as `soapType` shows it. */
const SOAP_TYPES: Record<SfFieldType, string> = {
  id: "tns:ID",
  reference: "tns:ID",
  string: "xsd:string",
  textarea: "xsd:string",
  email: "xsd:string",
  phone: "xsd:string",
  picklist: "xsd:string",
  boolean: "xsd:boolean",
  int: "xsd:int",
  double: "xsd:double",
  currency: "xsd:double",
  date: "xsd:date",
  datetime: "xsd:dateTime",
};

/** Text lengths Salesforce gives these standard types. */
const LENGTHS: Partial<Record<SfFieldType, number>> = {
  id: 18,
  reference: 18,
  string: 255,
  textarea: 255,
  email: 80,
  phone: 40,
  picklist: 255,
};

function urls(type: SObjectDescriptor, version: string): Record<string, string> {
  const base = `/services/data/v${version}/sobjects/${type.name}`;
  return { sobject: base, describe: `${base}/describe`, rowTemplate: `${base}/{ID}` };
}

/** The summary of one type: `sobjects[]` of Describe Global, `objectDescribe` of Basic Information. */
export function describeSummary(type: SObjectDescriptor, version: string): Record<string, unknown> {
  return {
    name: type.name,
    label: type.label,
    labelPlural: type.labelPlural,
    keyPrefix: type.keyPrefix,
    custom: type.name.endsWith("__c"),
    createable: true,
    updateable: true,
    deletable: true,
    undeletable: true,
    queryable: true,
    retrieveable: true,
    searchable: true,
    layoutable: true,
    triggerable: true,
    replicateable: true,
    urls: urls(type, version),
  };
}

/** `GET /services/data/vXX.X/sobjects`. */
export function describeGlobal(version: string): Record<string, unknown> {
  return {
    encoding: "UTF-8",
    maxBatchSize: 200,
    sobjects: SOBJECT_TYPES.map((type) => describeSummary(type, version)),
  };
}

function fieldLabel(field: SfFieldDescriptor): string {
  if (field.name === "Id") return `${field.name}`;
  return field.name.replace(/__c$/, "").replace(/_/g, " ");
}

function describeField(field: SfFieldDescriptor): Record<string, unknown> {
  const system = !field.createable && !field.updateable && !field.formula;
  return {
    name: field.name,
    label: fieldLabel(field),
    type: field.type,
    soapType: SOAP_TYPES[field.type],
    length: LENGTHS[field.type] ?? 0,
    custom: field.name.endsWith("__c"),
    nillable: !field.required && !system && field.type !== "boolean",
    createable: field.createable,
    updateable: field.updateable,
    defaultedOnCreate:
      system ||
      field.type === "boolean" ||
      field.autoNumber === true ||
      field.defaultValue !== undefined,
    autoNumber: field.autoNumber === true,
    calculated: field.formula !== undefined,
    filterable: true,
    sortable: field.type !== "textarea",
    groupable: field.type !== "textarea" && field.type !== "double" && field.type !== "datetime",
    unique: field.uniqueExternalId === true,
    idLookup: field.type === "id" || field.uniqueExternalId === true,
    externalId: field.uniqueExternalId === true,
    referenceTo: field.referenceTo === undefined ? [] : [field.referenceTo],
    relationshipName: field.relationshipName ?? null,
    picklistValues: (field.picklistValues ?? []).map((value) => ({
      active: true,
      defaultValue: value === field.defaultValue,
      label: value,
      validFor: null,
      value,
    })),
    restrictedPicklist: field.picklistValues !== undefined,
  };
}

/** Child relationships of `parent`: every lookup of another type that names a child relationship. */
function childRelationships(parent: SObjectDescriptor): Record<string, unknown>[] {
  return SOBJECT_TYPES.flatMap((child) =>
    child.fields
      .filter((field) => field.referenceTo === parent.name && field.childRelationshipName)
      .map((field) => ({
        childSObject: child.name,
        field: field.name,
        relationshipName: field.childRelationshipName,
        cascadeDelete: false,
        deprecatedAndHidden: false,
        restrictedDelete: false,
      })),
  );
}

/** `GET /services/data/vXX.X/sobjects/{Type}/describe`. */
export function describeSObject(type: SObjectDescriptor, version: string): Record<string, unknown> {
  return {
    ...describeSummary(type, version),
    fields: type.fields.map(describeField),
    childRelationships: childRelationships(type),
    recordTypeInfos: [],
  };
}
