import { capabilities } from './capabilities.ts';
import { guidelines, journalInterfaces, nationalSolutions, regions, relations, risks } from './context.ts';
import { nationalProjects } from './portfolio.ts';
import { requirements } from './requirements.ts';
import { decisionPoints, milestones, roadmapPhases } from './roadmap.ts';
import { actors, collaborationModes, goals, needLevels, personnelGroups, solutionParts, stakeholders, tasks } from './scope.ts';
import { deliveryTiers, informationCategories, informationServices } from './services.ts';

/** The document every seeded element points into, copied into the repository. */
export const sourceDocument = {
  key: 'akson-arena-2019-10-24',
  title: 'Nasjonal arena for fag- og interesseorganisasjoner: Akson, forprosjekt for helhetlig samhandling og felles kommunal journal',
  publishedOn: '2019-10-24',
  publisher: 'Direktoratet for e-helse',
  file: 'source/akson-arena-2019-10-24.txt',
} as const;

export const akson = {
  solutionParts,
  personnelGroups,
  tasks,
  capabilities,
  informationCategories,
  deliveryTiers,
  informationServices,
  collaborationModes,
  actors,
  needLevels,
  goals,
  roadmapPhases,
  milestones,
  decisionPoints,
  stakeholders,
  nationalProjects,
  requirements,
  journalInterfaces,
  regions,
  nationalSolutions,
  risks,
  guidelines,
  relations,
};
