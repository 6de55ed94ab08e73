#ifndef JOBCOACH_CCRYPTO_SHIM_H
#define JOBCOACH_CCRYPTO_SHIM_H
// OpenSSL's libcrypto: Ed25519 signatures (EVP) and random bytes for new keys.
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <openssl/crypto.h>
#endif
