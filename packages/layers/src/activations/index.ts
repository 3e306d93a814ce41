export * from './activations';
export { getActivation, serializeActivation, fusedActivationOf, FUSABLE_ACTIVATIONS, type ActivationIdentifier, type FusedActivation } from './get-activation';
