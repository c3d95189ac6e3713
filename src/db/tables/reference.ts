/** Reference data that is not part of the scope: municipalities, counters, settings. */
export interface MunicipalityTable {
  number: string;
  name: string;
  county_number: string;
  county_name: string;
  population: number;
}

/** Named counters for readable ids that are never reused (e.g. AKS-0001). */
export interface CounterTable {
  name: string;
  value: number;
}

export interface MetaTable {
  key: string;
  value: string;
}

/** One row (id 1): how many changes the model has seen; triggers move it (migration 0010). */
export interface ModelChangeTable {
  id: number;
  counter: number;
}
