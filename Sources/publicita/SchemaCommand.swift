import ArgumentParser
import Foundation
import PublicitaKit

extension Publicita {
    /// `publicita schema`
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Writes the JSON Schema files of portal.yaml and every record type (for editors).")

        @Option(help: "The folder to write portal.schema.json, project.schema.json, … into.")
        var output: String = "schema"

        func run() throws {
            let folder = URL(fileURLWithPath: output, isDirectory: true)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                for file in SchemaGenerator.generateAll() {
                    try Data(file.text.utf8).write(to: folder.appendingPathComponent(file.name), options: .atomic)
                }
            } catch {
                FileHandle.standardError.write(Data("publicita schema: nelze zapsat do \(folder.path): \(error.localizedDescription)\n".utf8))
                throw ExitCode(ExitStatus.ioProblem)
            }
            let names = SchemaGenerator.files.map(\.name).joined(separator: ", ")
            FileHandle.standardError.write(Data("publicita schema: zapsáno do \(folder.path): \(names)\n".utf8))
        }
    }
}
