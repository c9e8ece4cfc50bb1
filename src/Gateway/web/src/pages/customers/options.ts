import {
  AccountKindSchema,
  CommitmentSegmentSchema,
  ConsentPurposeSchema,
  ContactChannelSchema,
  InteractionChannelSchema,
  InteractionDirectionSchema,
  InteractionOutcomeSchema,
  InteractionPurposeSchema,
  RelationshipPhaseSchema,
  TouchpointOwnerSchema,
  TouchpointTypeSchema,
  ValueTierSchema,
} from "../../gen/crm/customers/v1/customers_pb";
import { enumOptions } from "../../lib/enums";

/** Choices for the selects of the customers pages, from the proto enums. */
export const options = {
  kind: enumOptions(AccountKindSchema),
  phase: enumOptions(RelationshipPhaseSchema),
  segment: enumOptions(CommitmentSegmentSchema),
  valueTier: enumOptions(ValueTierSchema),
  contactChannel: enumOptions(ContactChannelSchema),
  consentPurpose: enumOptions(ConsentPurposeSchema),
  interactionChannel: enumOptions(InteractionChannelSchema),
  touchpointType: enumOptions(TouchpointTypeSchema),
  touchpointOwner: enumOptions(TouchpointOwnerSchema),
  direction: enumOptions(InteractionDirectionSchema),
  purpose: enumOptions(InteractionPurposeSchema),
  outcome: enumOptions(InteractionOutcomeSchema),
};
