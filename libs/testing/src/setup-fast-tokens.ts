import { checkBinaryVersionsOncePerProcess, skipTokenCreationStacks } from "@infra/core";

// As in the synth entry points: cdktf formats a full call stack for every token it creates, only to
// print it if the token later fails to resolve; skipping it makes construct building several times
// faster. INFRA_TOKEN_STACK_TRACES=1 keeps them while debugging a resolution error.
skipTokenCreationStacks();

// As there too: cdktf's `terraform version` check runs once per process (per worker), not once per stack.
checkBinaryVersionsOncePerProcess();
