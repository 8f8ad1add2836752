#ifndef SWARMSIM_PREFETCH_H
#define SWARMSIM_PREFETCH_H

/// Asks the processor to start loading the cache line holding `address`, without waiting for it:
/// a hint that changes no value and cannot fault (Swift has no spelling of its own for it).
static inline void swarmsim_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#endif
