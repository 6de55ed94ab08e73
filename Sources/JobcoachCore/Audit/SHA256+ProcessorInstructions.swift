#if arch(x86_64) && canImport(_Builtin_intrinsics.intel) && os(Linux)
  import _Builtin_intrinsics.intel
  import Glibc


  /// True where the processor has the x86-64 SHA extensions, as Linux reports them in
  /// `/proc/cpuinfo` (flag `sha_ni`); false where that cannot be read.
  let processorHasSHAInstructions: Bool = {
    let descriptor = open("/proc/cpuinfo", O_RDONLY)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      bytes += chunk[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self).split(separator: "\n").contains { line in
      line.hasPrefix("flags") && line.split(separator: " ").contains("sha_ni")
    }
  }()

  extension SHA256 {
    private typealias Lanes = SIMD4<UInt32>

    /// The round constants four at a time, as the instructions take them.
    private static let roundConstants: [Lanes] = (0..<16).map { group in
      Lanes(k[4 * group], k[4 * group + 1], k[4 * group + 2], k[4 * group + 3])
    }

    /// The SHA extensions' compression (Intel's "SHA extensions" white paper, 2013): the state
    /// is held as the lanes (F, E, B, A) and (H, G, D, C); each `sha256rnds2` does two rounds,
    /// `sha256msg1` and `sha256msg2` extend the message schedule four words at a time.
    ///
    /// Never inlined: only this module is compiled with the instructions enabled (`-msha` in
    /// `Package.swift`), and they are only reached after `processorHasSHAInstructions`.
    @inline(never)
    static func compressWithProcessorInstructions(
      _ state: inout State, _ start: UnsafeRawPointer, blocks: Int
    ) {
      var abef = Lanes(state.5, state.4, state.1, state.0)
      var cdgh = Lanes(state.7, state.6, state.3, state.2)
      roundConstants.withUnsafeBufferPointer { constants in
        for block in 0..<blocks {
          let base = start + 64 * block
          let (savedABEF, savedCDGH) = (abef, cdgh)
          var w0 = words(base, 0)
          rounds(&abef, &cdgh, w0 &+ constants[0])
          var w1 = words(base, 1)
          rounds(&abef, &cdgh, w1 &+ constants[1])
          var w2 = words(base, 2)
          rounds(&abef, &cdgh, w2 &+ constants[2])
          var w3 = words(base, 3)
          rounds(&abef, &cdgh, w3 &+ constants[3])
          for group in stride(from: 4, to: 16, by: 4) {
            w0 = schedule(w0, w1, w2, w3)
            rounds(&abef, &cdgh, w0 &+ constants[group])
            w1 = schedule(w1, w2, w3, w0)
            rounds(&abef, &cdgh, w1 &+ constants[group + 1])
            w2 = schedule(w2, w3, w0, w1)
            rounds(&abef, &cdgh, w2 &+ constants[group + 2])
            w3 = schedule(w3, w0, w1, w2)
            rounds(&abef, &cdgh, w3 &+ constants[group + 3])
          }
          abef &+= savedABEF
          cdgh &+= savedCDGH
        }
      }
      state = (abef[3], abef[2], cdgh[3], cdgh[2], abef[1], abef[0], cdgh[1], cdgh[0])
    }

    /// Message words 4 × `group` ..< 4 × `group` + 4 of the block at `base`, big-endian there.
    @inline(__always)
    private static func words(_ base: UnsafeRawPointer, _ group: Int) -> Lanes {
      func word(_ index: Int) -> UInt32 {
        UInt32(
          bigEndian: base.loadUnaligned(fromByteOffset: 16 * group + 4 * index, as: UInt32.self))
      }
      return Lanes(word(0), word(1), word(2), word(3))
    }

    /// Four rounds, given four message words with their round constants added.
    @inline(__always)
    private static func rounds(_ abef: inout Lanes, _ cdgh: inout Lanes, _ message: Lanes) {
      cdgh = lanes(_mm_sha256rnds2_epu32(vector(cdgh), vector(abef), vector(message)))
      let upper = Lanes(message[2], message[3], message[2], message[3])
      abef = lanes(_mm_sha256rnds2_epu32(vector(abef), vector(cdgh), vector(upper)))
    }

    /// The next four schedule words from the sixteen before them (`a` the oldest four).
    @inline(__always)
    private static func schedule(_ a: Lanes, _ b: Lanes, _ c: Lanes, _ d: Lanes) -> Lanes {
      let sum = lanes(_mm_sha256msg1_epu32(vector(a), vector(b))) &+ Lanes(c[1], c[2], c[3], d[0])
      return lanes(_mm_sha256msg2_epu32(vector(sum), vector(d)))
    }

    @inline(__always)
    private static func vector(_ lanes: Lanes) -> __m128i { unsafeBitCast(lanes, to: __m128i.self) }

    @inline(__always)
    private static func lanes(_ vector: __m128i) -> Lanes { unsafeBitCast(vector, to: Lanes.self) }
  }
#else
  /// Elsewhere blocks are compressed in portable Swift.
  let processorHasSHAInstructions = false

  extension SHA256 {
    static func compressWithProcessorInstructions(
      _ state: inout State, _ start: UnsafeRawPointer, blocks: Int
    ) {
      preconditionFailure("no SHA instructions on this platform")
    }
  }
#endif
